/**
 * Renders the built app headlessly and writes an export.
 *   npm run export -- --out route.png [--preset 16:9 | --width 1920 --height 1080] [options]
 * Exit codes: 0 written, 1 the export failed (no file left behind), 2 bad arguments.
 */
import { existsSync } from 'node:fs';
import { access, constants, lstat, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeCamera, encodeHash, type MapCamera } from '../src/domain/data/url-state';
import type { AutomationResult } from '../src/export/automation';
import { isPresetId, PRESETS, sizeProblem, type PresetId } from '../src/export/presets';
import {
  EXPORT_DEFAULTS,
  THEMES,
  isAnimated,
  type ExportRequest,
  type ThemeName,
} from '../src/export/request';
import type { ExportFormat } from '../src/export/types';
import { BUILTIN_JOURNEY_IDS } from '../src/state/builtin-ids';

export const USAGE = `Usage: npm run export -- --out <file> [options]

  --out <file>         where to write the export (required; an existing file is replaced,
                       a folder, device, pipe or symbolic link never)
  --format <f>         png | jpeg | svg | webm | mp4 | gif (default: from the --out extension)
  --preset <p>         ${Object.keys(PRESETS).join(' | ')}
                       (default ${EXPORT_DEFAULTS.preset}; not with --width/--height)
  --width <px>         1…16384 (default 1920)
  --height <px>        1…16384 (default 1080)
  --journey <j>        a built-in journey (${BUILTIN_JOURNEY_IDS.join(', ')}) or a file to
                       import (GeoJSON, GPX, KML, journey JSON)
  --at <ISO time>      the instant shown, e.g. 2025-09-01T20:00:00+09:00
  --progress <0..1>    the instant as a fraction of the journey (not with --at)
  --scenario <id>      the scenario shown
  --variant <X>        the routing shown as the main line (A, B, C…)
  --map <z/lat/lon>    the map view, as in the app's URL (zoom/lat/lon[/bearing]);
                       default: the whole route
  --title "<text>"     the title drawn on the export (default: the journey's)
  --subtitle "<text>"  the subtitle (default: the scenario)
  --theme <t>          ${THEMES.join(' | ')} (default ${EXPORT_DEFAULTS.theme})
  --claims             draw the claims' verdict card
  --locator            draw a locator inset (the route's region on a continent map)
  --chart [bottom|right]  draw the time–distance chart panel (wide or tall; default bottom)
  --transparent        PNG without the sea (transparent background)
  --fps <N>            frames per second, 1…60 (webm, mp4, gif; default ${EXPORT_DEFAULTS.fps})
  --duration <S>       length in seconds, up to 600 (webm, mp4, gif; default ${EXPORT_DEFAULTS.durationS})
  --follow             animations: the camera follows the train
  --until-last         animations: run until the last train (ghosts too) arrives
  --help               print this and exit

Numbers are decimal (no 0x…, no exponents). Exit codes: 0 written, 1 the export failed (no file
is left behind), 2 bad arguments.`;

/** Parsed command line. */
export interface ExportArgs {
  out: string;
  format: ExportFormat;
  width: number;
  height: number;
  preset?: PresetId;
  journey?: string;
  atMs?: number;
  progress?: number;
  scenario?: string;
  variant?: string;
  map?: MapCamera;
  title?: string;
  subtitle?: string;
  theme?: ThemeName;
  claims?: true;
  locator?: true;
  chart?: 'bottom' | 'right';
  transparent?: true;
  fps?: number;
  durationS?: number;
  follow?: true;
  untilLast?: true;
}

/** A command-line mistake: print the usage and exit 2. */
export class UsageError extends Error {}

const FORMATS: Record<string, ExportFormat> = {
  png: 'png',
  jpeg: 'jpeg',
  jpg: 'jpeg',
  svg: 'svg',
  webm: 'webm',
  mp4: 'mp4',
  gif: 'gif',
};
const FLAGS = [
  'out',
  'format',
  'preset',
  'width',
  'height',
  'journey',
  'at',
  'progress',
  'scenario',
  'variant',
  'map',
  'title',
  'subtitle',
  'theme',
  'fps',
  'duration',
];
const SWITCHES = ['claims', 'locator', 'transparent', 'follow', 'until-last'];

/** A plain decimal number: digits, an optional fraction; no hex, exponent, sign or spaces. */
const DECIMAL = /^\d+(\.\d+)?$/;

function number(flag: string, raw: string, min: number, max: number, integer: boolean): number {
  const v = Number(raw);
  if (
    !DECIMAL.test(raw) ||
    !Number.isFinite(v) ||
    (integer && !Number.isInteger(v)) ||
    v < min ||
    v > max
  ) {
    throw new UsageError(
      `--${flag} must be ${integer ? 'a whole number' : 'a decimal number'} in ${min}…${max}, got "${raw}"`,
    );
  }
  return v;
}

/** Parses the arguments strictly; throws {@link UsageError} on anything unknown or malformed. */
export function parseExportArgs(argv: string[]): ExportArgs | 'help' {
  const raw = new Map<string, string>();
  const switches = new Set<string>();
  let chart: 'bottom' | 'right' | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    const m = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    if (!m) throw new UsageError(`unexpected argument "${arg}"`);
    const name = m[1]!;
    if (name === 'chart') {
      if (chart) throw new UsageError('--chart given twice');
      const value =
        m[2] ?? (['bottom', 'right'].includes(argv[i + 1] ?? '') ? argv[++i] : 'bottom');
      if (value !== 'bottom' && value !== 'right') {
        throw new UsageError(`--chart must be bottom or right, got "${value}"`);
      }
      chart = value;
      continue;
    }
    if (SWITCHES.includes(name)) {
      if (m[2] !== undefined) throw new UsageError(`--${name} takes no value`);
      if (switches.has(name)) throw new UsageError(`--${name} given twice`);
      switches.add(name);
      continue;
    }
    if (!FLAGS.includes(name)) throw new UsageError(`unknown option --${name}`);
    if (raw.has(name)) throw new UsageError(`--${name} given twice`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || (m[2] === undefined && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value`);
    }
    raw.set(name, value);
  }
  const out = raw.get('out');
  if (!out) throw new UsageError('--out is required');
  const formatName = (raw.get('format') ?? extname(out).slice(1)).toLowerCase();
  const format = FORMATS[formatName];
  if (!format) {
    throw new UsageError(
      raw.has('format')
        ? `unknown --format "${formatName}"`
        : `cannot tell the format from "${out}"; give --format`,
    );
  }
  if (raw.has('at') && raw.has('progress'))
    throw new UsageError('give --at or --progress, not both');
  const presetName = raw.get('preset');
  if (presetName !== undefined) {
    if (!isPresetId(presetName)) {
      throw new UsageError(
        `--preset must be one of ${Object.keys(PRESETS).join(', ')}, got "${presetName}"`,
      );
    }
    if (raw.has('width') || raw.has('height')) {
      throw new UsageError('give --preset or --width/--height, not both');
    }
  }
  const preset = presetName as PresetId | undefined;
  const args: ExportArgs = {
    out,
    format,
    width: preset
      ? PRESETS[preset].width
      : raw.has('width')
        ? number('width', raw.get('width')!, 1, 16384, true)
        : 1920,
    height: preset
      ? PRESETS[preset].height
      : raw.has('height')
        ? number('height', raw.get('height')!, 1, 16384, true)
        : 1080,
    ...(preset ? { preset } : {}),
  };
  const problem = sizeProblem(args.width, args.height, format);
  if (problem) throw new UsageError(problem);
  const journey = raw.get('journey');
  if (journey !== undefined) {
    if (!journey.trim()) throw new UsageError('--journey needs a journey id or a file');
    args.journey = journey;
  }
  const at = raw.get('at');
  if (at !== undefined) {
    const ms = Date.parse(at);
    if (!/^\d{4}-\d\d-\d\dT/.test(at) || !Number.isFinite(ms)) {
      throw new UsageError(
        `--at must be an ISO date-time such as 2025-09-01T20:00:00+09:00, got "${at}"`,
      );
    }
    args.atMs = ms;
  }
  if (raw.has('progress')) args.progress = number('progress', raw.get('progress')!, 0, 1, false);
  const scenario = raw.get('scenario');
  if (scenario !== undefined) {
    if (!/^[\w-]+$/.test(scenario))
      throw new UsageError(`--scenario must be an id like "timeline", got "${scenario}"`);
    args.scenario = scenario;
  }
  const variant = raw.get('variant');
  if (variant !== undefined) {
    if (!/^[A-Z]$/.test(variant))
      throw new UsageError(`--variant must be one capital letter such as A or B, got "${variant}"`);
    args.variant = variant;
  }
  const map = raw.get('map');
  if (map !== undefined) {
    const camera = decodeCamera(map);
    if (!camera || !map.split('/').every((p) => /^-?\d+(\.\d+)?$/.test(p)))
      throw new UsageError(
        `--map must be zoom/lat/lon[/bearing] such as 8/39.84/118.28, got "${map}"`,
      );
    args.map = camera;
  }
  if (raw.has('title')) args.title = raw.get('title')!;
  if (raw.has('subtitle')) args.subtitle = raw.get('subtitle')!;
  const theme = raw.get('theme');
  if (theme !== undefined) {
    if (!(THEMES as readonly string[]).includes(theme)) {
      throw new UsageError(`--theme must be one of ${THEMES.join(', ')}, got "${theme}"`);
    }
    args.theme = theme as ThemeName;
  }
  if (switches.has('claims')) args.claims = true;
  if (switches.has('locator')) args.locator = true;
  if (chart) args.chart = chart;
  if (switches.has('transparent')) {
    if (format !== 'png') throw new UsageError('--transparent needs a PNG');
    args.transparent = true;
  }
  const animated = isAnimated(format);
  if (
    (raw.has('fps') ||
      raw.has('duration') ||
      switches.has('follow') ||
      switches.has('until-last')) &&
    !animated
  ) {
    throw new UsageError(
      '--fps, --duration, --follow and --until-last apply to webm, mp4 and gif only',
    );
  }
  if (raw.has('fps')) args.fps = number('fps', raw.get('fps')!, 1, 60, false);
  if (raw.has('duration'))
    args.durationS = number('duration', raw.get('duration')!, 0.1, 600, false);
  if (switches.has('follow')) args.follow = true;
  if (switches.has('until-last')) args.untilLast = true;
  return args;
}

/** The dispatcher request of a command line (the same request the dialog makes). */
export function requestOf(args: ExportArgs): ExportRequest {
  return {
    format: args.format,
    ...(args.preset
      ? { preset: args.preset }
      : { preset: 'custom', width: args.width, height: args.height }),
    ...(args.map ? { view: 'current' as const } : {}),
    ...(args.title === undefined ? {} : { title: args.title }),
    ...(args.subtitle === undefined ? {} : { subtitle: args.subtitle }),
    ...(args.theme ? { theme: args.theme } : {}),
    ...(args.claims ? { claims: true } : {}),
    ...(args.locator ? { locator: true } : {}),
    ...(args.chart ? { chart: args.chart } : {}),
    ...(args.transparent ? { transparent: true } : {}),
    ...(args.fps === undefined ? {} : { fps: args.fps }),
    ...(args.durationS === undefined ? {} : { durationS: args.durationS }),
    ...(args.follow ? { follow: true } : {}),
    ...(args.untilLast ? { untilLastTrain: true } : {}),
  };
}

/** The URL hash that makes the app show the asked moment (`p` is the journey fraction). */
export function hashFor(args: ExportArgs): string {
  const builtin =
    args.journey && BUILTIN_JOURNEY_IDS.includes(args.journey) ? args.journey : undefined;
  const hash = encodeHash({
    ...(builtin ? { journey: builtin } : {}),
    ...(args.atMs === undefined ? {} : { tMs: args.atMs }),
    ...(args.scenario ? { scenarios: [args.scenario] } : {}),
    ...(args.variant ? { variant: args.variant } : {}),
    ...(args.theme && args.theme !== 'light' ? { theme: args.theme } : {}),
    ...(args.map ? { camera: 'free' as const, map: args.map } : {}),
  });
  if (args.progress === undefined) return hash;
  return `${hash ? `${hash}&` : '#'}p=${args.progress}`;
}

/** Writes `bytes` to `out` through a temporary file in the same folder, so no partial file remains. */
export async function writeAtomically(out: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, out);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/**
 * Refuses an `--out` that exists and is not a regular file (a folder, a device such as /dev/full,
 * a named pipe, a socket, or a symbolic link, which would otherwise be replaced by a file).
 */
export async function assertWritableTarget(out: string): Promise<void> {
  const st = await lstat(out).catch(() => null);
  if (!st || st.isFile()) return;
  const kind = st.isSymbolicLink()
    ? 'a symbolic link'
    : st.isDirectory()
      ? 'a folder'
      : st.isFIFO()
        ? 'a named pipe'
        : st.isSocket()
          ? 'a socket'
          : st.isCharacterDevice() || st.isBlockDevice()
            ? 'a device'
            : 'not a regular file';
  throw new Error(`${out} is ${kind}; --out must be a new or a regular file`);
}

async function run(args: ExportArgs): Promise<void> {
  const root = resolve(import.meta.dirname, '..');
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first');
  }
  const out = resolve(args.out);
  const dir = dirname(out);
  const dirStat = await stat(dir).catch(() => null);
  if (!dirStat?.isDirectory()) throw new Error(`the folder ${dir} does not exist`);
  await access(dir, constants.W_OK).catch(() => {
    throw new Error(`cannot write to ${dir}`);
  });
  await assertWritableTarget(out);
  const journeyFile =
    args.journey && !BUILTIN_JOURNEY_IDS.includes(args.journey) ? resolve(args.journey) : null;
  if (journeyFile) {
    const st = await stat(journeyFile).catch(() => null);
    if (!st?.isFile()) throw new Error(`--journey ${args.journey}: no such file`);
  }

  const { launch, openPage, serveDist, waitForMapReady } = await import('./lib/browser');
  const { server, url } = await serveDist();
  const browser = await launch();
  try {
    const { page, log } = await openPage(browser);
    await page.goto(url + hashFor(args));
    await waitForMapReady(page);
    await page
      .waitForFunction(() => typeof window.journeyMapExport === 'function', undefined, {
        timeout: 15_000,
      })
      .catch(() => {
        throw new Error(
          'the app has no export hook (window.journeyMapExport); is it wired in App.svelte?',
        );
      });
    if (journeyFile) await importInPage(page, journeyFile);
    const options = requestOf(args);
    const started = Date.now();
    const result: AutomationResult = await page.evaluate(
      (o) => window.journeyMapExport!(o),
      options,
    );
    const bytes = Buffer.from(result.bytesBase64, 'base64');
    if (!bytes.length) throw new Error('the export produced an empty file');
    await writeAtomically(out, bytes);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const tiles = result.tiles && result.tiles > 1 ? `, map drawn in ${result.tiles} tiles` : '';
    console.log(
      `wrote ${out} (${result.width}×${result.height} ${result.mime}, ${bytes.length} bytes, ${seconds} s${tiles})`,
    );
    if (log.errors.length) console.error(`page errors:\n${log.errors.join('\n')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Imports a journey file through the app's own importer and waits until it is shown. */
async function importInPage(page: import('playwright-core').Page, file: string): Promise<void> {
  const before = await page.textContent('[data-testid="journey-title"]');
  await page.setInputFiles('[data-testid="import-input"]', file);
  await page
    .waitForFunction(
      (old) => {
        const error = document.querySelector('[data-testid="import-error"]');
        if (error?.textContent?.trim()) return true;
        const title = document.querySelector('[data-testid="journey-title"]')?.textContent;
        return title !== old && document.documentElement.dataset.mapReady === 'true';
      },
      before,
      { timeout: 120_000 },
    )
    .catch(() => {
      throw new Error(`--journey ${basename(file)}: the app did not show the journey in time`);
    });
  const error = await page.textContent('[data-testid="import-error"]').catch(() => null);
  if (error?.trim()) throw new Error(`--journey ${basename(file)}: ${error.trim().split('\n')[0]}`);
}

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let args: ExportArgs | 'help';
  try {
    args = parseExportArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`error: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  try {
    await run(args);
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    console.error(`export failed: ${message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
