import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Journey, Parsed, VagueWords } from '../../src/domain/data/journey';
import { parseJourney, parseVagueWords } from '../../src/domain/data/parse-journey';

/** A journey with everything it refers to, loaded from disk. */
export interface LoadedJourney {
  journey: Journey;
  vague: VagueWords;
  journeyPath: string;
  /** Absolute path of the route GeoJSON the journey names. */
  routePath: string;
}

/**
 * Reads a journey file and its vague-words table, validates both and resolves the
 * route path. Missing files come back as errors, not exceptions.
 */
export async function loadJourney(journeyPath: string): Promise<Parsed<LoadedJourney>> {
  const read = async (file: string): Promise<Parsed<string>> => {
    try {
      return { ok: true, value: await readFile(file, 'utf8') };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return { ok: false, errors: [{ file, path: '', message: `cannot read: ${message}` }] };
    }
  };
  const text = await read(journeyPath);
  if (!text.ok) return text;
  const first = parseJourney(text.value, journeyPath);
  if (!first.ok) return first;
  const dir = dirname(resolve(journeyPath));
  const vaguePath = resolve(dir, first.value.vagueWords);
  const vagueText = await read(vaguePath);
  if (!vagueText.ok) return vagueText;
  const vague = parseVagueWords(vagueText.value, vaguePath);
  if (!vague.ok) return vague;
  const journey = parseJourney(text.value, journeyPath, vague.value);
  if (!journey.ok) return journey;
  return {
    ok: true,
    value: {
      journey: journey.value,
      vague: vague.value,
      journeyPath: resolve(journeyPath),
      routePath: resolve(dir, journey.value.route),
    },
  };
}
