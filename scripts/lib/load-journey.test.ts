import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDataError } from '../../src/domain/data/data-error';
import { loadJourney } from './load-journey';

const journeyFile = fileURLToPath(
  new URL('../../geo/journeys/pyongyang-beijing-2025.json', import.meta.url),
);

describe('loadJourney', () => {
  it('loadJourney(bundled journey) loads the vague-words table and resolves the route path', async () => {
    const r = await loadJourney(journeyFile);
    if (!r.ok) throw new Error(r.errors.map(formatDataError).join('\n'));
    expect(r.value.routePath).toMatch(/geo\/routes\/pyongyang-beijing\.geojson$/);
    expect(Object.keys(r.value.vague.phrases)).toContain('late night');
  });

  it('loadJourney reports a missing file as an error', async () => {
    const r = await loadJourney('/nonexistent/journey.json');
    expect(r.ok).toBe(false);
  });
});
