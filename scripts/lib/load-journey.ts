import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
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

/** Files the command line reads are at most this big (the app's import limit). */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

/**
 * Reads a text file the user named, refusing what is not a regular file before opening it: a
 * named pipe would block the command forever and a device never ends.
 */
export async function readInputFile(file: string): Promise<Parsed<string>> {
  const fail = (message: string): Parsed<string> => ({
    ok: false,
    errors: [{ file, path: '', message }],
  });
  try {
    const st = await stat(file);
    if (!st.isFile()) return fail('is not a regular file (a pipe, device or folder is not read)');
    if (st.size > MAX_INPUT_BYTES)
      return fail(`is ${(st.size / 1024 / 1024).toFixed(0)} MB: the limit is 200 MB`);
    return { ok: true, value: await readFile(file, 'utf8') };
  } catch (err) {
    return fail(`cannot read: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * A file a journey refers to, resolved beside it: only JSON files are followed, so a journey
 * cannot make the command print a line of some other file (`"vagueWords": "/etc/passwd"`).
 */
function referenced(
  journeyPath: string,
  key: 'vagueWords' | 'route',
  target: string,
  exts: string[],
): Parsed<string> {
  if (exts.includes(extname(target).toLowerCase()))
    return { ok: true, value: resolve(dirname(resolve(journeyPath)), target) };
  return {
    ok: false,
    errors: [
      {
        file: journeyPath,
        path: `/${key}`,
        message: `must name a ${exts.join(' or ')} file beside the journey, not ${JSON.stringify(target)}`,
      },
    ],
  };
}

/**
 * Reads a journey file and its vague-words table, validates both and resolves the
 * route path. Missing files come back as errors, not exceptions.
 */
export async function loadJourney(journeyPath: string): Promise<Parsed<LoadedJourney>> {
  const read = readInputFile;
  const text = await read(journeyPath);
  if (!text.ok) return text;
  const first = parseJourney(text.value, journeyPath);
  if (!first.ok) return first;
  const vaguePath = referenced(journeyPath, 'vagueWords', first.value.vagueWords, ['.json']);
  if (!vaguePath.ok) return vaguePath;
  const vagueText = await read(vaguePath.value);
  if (!vagueText.ok) return vagueText;
  const vague = parseVagueWords(vagueText.value, vaguePath.value);
  if (!vague.ok) return vague;
  const journey = parseJourney(text.value, journeyPath, vague.value);
  if (!journey.ok) return journey;
  const routePath = referenced(journeyPath, 'route', journey.value.route, ['.geojson', '.json']);
  if (!routePath.ok) return routePath;
  return {
    ok: true,
    value: {
      journey: journey.value,
      vague: vague.value,
      journeyPath: resolve(journeyPath),
      routePath: routePath.value,
    },
  };
}
