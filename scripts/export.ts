/**
 * Renders the built app headlessly and writes an export.
 *   npm run export -- --out route.png [--width 1920 --height 1080] [--at <ISO time> | --progress 0..1]
 *     [--scenario <id>] [--map zoom/lat/lon] [--title "…"] [--format png|jpeg|svg|webm|mp4|gif]
 *     [--fps N --duration S] [--chart [bottom|right]]
 * Exit codes: 0 written, 1 the export failed (no file left behind), 2 bad arguments.
 */
import { existsSync } from 'node:fs';
import { access, constants, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeCamera, encodeHash, type MapCamera } from '../src/domain/data/url-state';
import type { AutomationOptions, AutomationResult } from '../src/export/automation';
import type { ExportFormat } from '../src/export/types';
import { isThemeName, THEME_NAMES, type ThemeName } from '../src/map/style';

export const USAGE = `Usage: npm run export -- --out <file> [options]

  --out <file>         where to write the export (required)
  --format <f>         png | jpeg | svg | webm | mp4 | gif (default: from the --out extension)
  --width <px>         1…7680 (default 1920)
  --height <px>        1…4320 (default 1080)
  --at <ISO time>      the instant shown, e.g. 2025-09-01T20:00:00+09:00
  --progress <0..1>    the instant as a fraction of the journey (not with --at)
  --scenario <id>      the scenario shown
  --map <z/lat/lon>    the map view, as in the app's URL (zoom/lat/lon[/bearing]);
                       default: the whole route
  --title "<text>"     the title drawn on the export
  --theme <name>       light | dark | print (default light)
  --fps <N>            frames per second, 1…60 (webm, mp4, gif; default 10)
  --duration <S>       length in seconds, up to 600 (webm, mp4, gif; default 5)
  --chart [bottom|right]
                       add the time–distance chart as a panel under (default) or
                       beside the map
  --help               print this and exit

Exit codes: 0 written, 1 the export failed (no file is left behind), 2 bad arguments.`;

/** Parsed command line. */
export interface ExportArgs {
  out: string;
  format: ExportFormat;
  width: number;
  height: number;
  atMs?: number;
  progress?: number;
  scenario?: string;
  map?: MapCamera;
  title?: string;
  fps?: number;
  durationS?: number;
  theme?: ThemeName;
  chart?: 'bottom' | 'right';
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
  'width',
  'height',
  'at',
  'progress',
  'scenario',
  'map',
  'title',
  'fps',
  'duration',
  'theme',
  'chart',
];

function number(flag: string, raw: string, min: number, max: number, integer: boolean): number {
  const v = Number(raw);
  if (
    raw.trim() === '' ||
    !Number.isFinite(v) ||
    (integer && !Number.isInteger(v)) ||
    v < min ||
    v > max
  ) {
    throw new UsageError(
      `--${flag} must be ${integer ? 'a whole number' : 'a number'} in ${min}…${max}, got "${raw}"`,
    );
  }
  return v;
}

/** Parses the arguments strictly; throws {@link UsageError} on anything unknown or malformed. */
export function parseExportArgs(argv: string[]): ExportArgs | 'help' {
  const raw = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    const m = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    if (!m) throw new UsageError(`unexpected argument "${arg}"`);
    const name = m[1]!;
    if (!FLAGS.includes(name)) throw new UsageError(`unknown option --${name}`);
    if (raw.has(name)) throw new UsageError(`--${name} given twice`);
    if (name === 'chart' && m[2] === undefined && !/^(bottom|right)$/.test(argv[i + 1] ?? '')) {
      raw.set(name, 'bottom'); // a bare --chart puts the panel under the map
      continue;
    }
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
  const args: ExportArgs = {
    out,
    format,
    width: raw.has('width') ? number('width', raw.get('width')!, 1, 7680, true) : 1920,
    height: raw.has('height') ? number('height', raw.get('height')!, 1, 4320, true) : 1080,
  };
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
  const map = raw.get('map');
  if (map !== undefined) {
    const camera = decodeCamera(map);
    if (!camera)
      throw new UsageError(
        `--map must be zoom/lat/lon[/bearing] such as 8/39.84/118.28, got "${map}"`,
      );
    args.map = camera;
  }
  if (raw.has('title')) args.title = raw.get('title')!;
  const theme = raw.get('theme');
  if (theme !== undefined) {
    if (!isThemeName(theme))
      throw new UsageError(`--theme must be one of ${THEME_NAMES.join(', ')}, got "${theme}"`);
    args.theme = theme;
  }
  const chart = raw.get('chart');
  if (chart !== undefined) {
    if (chart !== 'bottom' && chart !== 'right')
      throw new UsageError(`--chart must be bottom or right, got "${chart}"`);
    args.chart = chart;
  }
  const animated = format === 'webm' || format === 'mp4' || format === 'gif';
  if ((raw.has('fps') || raw.has('duration')) && !animated) {
    throw new UsageError('--fps and --duration apply to webm, mp4 and gif only');
  }
  if (raw.has('fps')) args.fps = number('fps', raw.get('fps')!, 1, 60, false);
  if (raw.has('duration'))
    args.durationS = number('duration', raw.get('duration')!, 0.1, 600, false);
  if (animated && (args.width % 2 || args.height % 2) && format !== 'gif') {
    throw new UsageError('video width and height must be even');
  }
  return args;
}

/** The URL hash that makes the app show the asked moment (`p` is the journey fraction). */
export function hashFor(args: ExportArgs): string {
  const hash = encodeHash({
    ...(args.atMs === undefined ? {} : { tMs: args.atMs }),
    ...(args.scenario ? { scenarios: [args.scenario] } : {}),
    ...(args.map ? { camera: 'free' as const, map: args.map } : {}),
    ...(args.theme && args.theme !== 'light' ? { theme: args.theme } : {}),
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
    const options: AutomationOptions = {
      format: args.format,
      width: args.width,
      height: args.height,
      ...(args.map ? { view: 'current' as const } : {}),
      ...(args.title === undefined ? {} : { title: args.title }),
      ...(args.fps === undefined ? {} : { fps: args.fps }),
      ...(args.durationS === undefined ? {} : { durationS: args.durationS }),
      ...(args.chart ? { chart: args.chart } : {}),
    };
    const started = Date.now();
    const result: AutomationResult = await page.evaluate(
      (o) => window.journeyMapExport!(o),
      options,
    );
    const bytes = Buffer.from(result.bytesBase64, 'base64');
    if (!bytes.length) throw new Error('the export produced an empty file');
    await writeAtomically(out, bytes);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `wrote ${out} (${result.width}×${result.height} ${result.mime}, ${bytes.length} bytes, ${seconds} s)`,
    );
    if (log.errors.length) console.error(`page errors:\n${log.errors.join('\n')}`);
  } finally {
    await browser.close();
    await server.close();
  }
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
