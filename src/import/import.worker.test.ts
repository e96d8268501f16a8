import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VagueWords } from '../domain/data/journey';
import { handle } from './import.worker';

const geo = (name: string): ArrayBuffer => {
  const b = readFileSync(join(import.meta.dirname, '../../geo', name));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

describe('the import worker', () => {
  it('handle(journey file with its route) hands back the parsed, validated journey as plain data', () => {
    const journeyBytes = geo('journeys/pyongyang-beijing-2025.json');
    const journeyText = new TextDecoder().decode(journeyBytes);
    const vague = JSON.parse(
      new TextDecoder().decode(geo('journeys/vague-words.json')),
    ) as VagueWords;
    const response = handle({
      files: [
        { name: 'pyongyang-beijing.geojson', bytes: geo('routes/pyongyang-beijing.geojson') },
        { name: 'pyongyang-beijing-2025.json', bytes: journeyBytes },
      ],
      vague,
    });
    expect(response.result.ok).toBe(true);
    if (!response.result.ok) return;
    const { journey } = response.result.value;
    expect(journey).toEqual(JSON.parse(journeyText));
    // what postMessage does to it: the journey survives a structured clone unchanged
    expect(structuredClone(journey)).toEqual(journey);
    expect(response.result.value).not.toHaveProperty('journeyText');
  });
});
