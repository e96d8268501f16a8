import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertWritableTarget,
  hashFor,
  parseExportArgs,
  requestOf,
  UsageError,
  type ExportArgs,
} from '../../scripts/export';
import { pngSize, readPngText } from '../../src/export/png-text';

const root = join(import.meta.dirname, '..', '..');
const script = join(root, 'scripts', 'export.ts');

/** Runs `npm run export -- …` (through tsx) and returns its exit code and output. */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { cwd: root, timeout: 170_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journey-export-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('parseExportArgs', () => {
  it('parseExportArgs(["--out", "a.png"]) defaults to a Full HD PNG', () => {
    expect(parseExportArgs(['--out', 'a.png'])).toEqual({
      out: 'a.png',
      format: 'png',
      width: 1920,
      height: 1080,
    });
  });

  it('parseExportArgs reads every option, in both --flag value and --flag=value forms', () => {
    expect(
      parseExportArgs([
        '--out=clip.gif',
        '--width',
        '640',
        '--height=360',
        '--at',
        '2025-09-01T20:00:00+09:00',
        '--scenario',
        'timeline',
        '--map=8/39.84/118.28',
        '--title',
        'Night run',
        '--fps',
        '12',
        '--duration',
        '3',
      ]),
    ).toEqual({
      out: 'clip.gif',
      format: 'gif',
      width: 640,
      height: 360,
      atMs: Date.parse('2025-09-01T11:00:00Z'),
      scenario: 'timeline',
      map: { zoom: 8, lat: 39.84, lon: 118.28 },
      title: 'Night run',
      fps: 12,
      durationS: 3,
    });
  });

  it('parseExportArgs reads --locator, and requestOf asks the export for the locator inset', () => {
    const args = parseExportArgs(['--out', 'a.png', '--locator']) as ExportArgs;
    expect(args.locator).toBe(true);
    expect(requestOf(args).locator).toBe(true);
    expect(requestOf(parseExportArgs(['--out', 'a.png']) as ExportArgs).locator).toBeUndefined();
    expect(() => parseExportArgs(['--out', 'a.png', '--locator=yes'])).toThrow(/takes no value/);
  });

  it('parseExportArgs reads --chart bottom|right, and a bare --chart as bottom', () => {
    expect(parseExportArgs(['--out', 'a.png', '--chart', 'right'])).toMatchObject({
      chart: 'right',
    });
    expect(parseExportArgs(['--out', 'a.png', '--chart'])).toMatchObject({ chart: 'bottom' });
    expect(parseExportArgs(['--chart', '--out', 'a.png'])).toMatchObject({
      out: 'a.png',
      chart: 'bottom',
    });
  });

  it.each([
    [['--out', 'a.png', '--chart=left'], /--chart must be bottom or right/],
    [['--out', 'a.png', '--colour', 'red'], /unknown option --colour/],
    [['--out', 'a.png', '--width', '12.5'], /--width/],
    [['--out', 'a.png', '--width', 'wide'], /--width/],
    [['--out', 'a.png', '--width', '16385'], /--width/],
    [['--out', 'a.png', '--height', '16385'], /--height/],
    [['--out', 'a.png', '--width', '0x10'], /--width must be a whole number/],
    [['--out', 'a.png', '--width', '1e3'], /--width/],
    [['--out', 'a.png', '--width', ' 640'], /--width/],
    [['--out', 'a.png', '--progress', '0x1'], /--progress/],
    [['--out', 'a.gif', '--fps', '0x10'], /--fps/],
    [['--out', 'a.png', '--map', '0x8/39.84/118.28'], /--map/],
    [['--out', 'a.png', '--width', '12000', '--height', '9000'], /million pixels/],
    [['--out', 'a.png', '--preset', '16:9', '--width', '640'], /not both/],
    [['--out', 'a.png', '--preset', 'postcard'], /--preset must be one of/],
    [['--out', 'a.png', '--theme', 'neon'], /--theme/],
    [['--out', 'a.jpg', '--transparent'], /PNG/],
    [['--out', 'a.png', '--claims=yes'], /takes no value/],
    [['--out', 'a.png', '--follow'], /webm, mp4 and gif/],
    [['--out', 'a.png', '--variant', 'b'], /--variant/],
    [['--out', 'a.png', '--height', '0'], /--height/],
    [['--out', 'a.png', '--at', '2025-09-01T20:00:00Z', '--progress', '0.5'], /not both/],
    [['--out', 'a.png', '--progress', '1.5'], /--progress/],
    [['--out', 'a.png', '--at', 'yesterday'], /--at/],
    [['--out', 'a.png', '--fps', '10'], /webm, mp4 and gif/],
    [['--out', 'a.png', '--map', '8/39.84'], /--map must be zoom\/lat\/lon/],
    [['--out', 'a.png', '--map', '8/95/118'], /--map/],
    [['--out', 'a.bmp'], /format/],
    [['--out', 'a.png', '--format', 'tiff'], /--format/],
    [['--width', '100'], /--out is required/],
    [['--out'], /needs a value/],
    [['--out', 'a.png', 'extra'], /unexpected argument/],
    [['--out', 'a.png', '--theme', 'sepia'], /--theme must be one of light, dark, print/],
  ])('parseExportArgs(%j) throws a usage error', (argv, message) => {
    expect(() => parseExportArgs(argv)).toThrow(UsageError);
    expect(() => parseExportArgs(argv)).toThrow(message);
  });

  it('parseExportArgs reads the preset, journey, variant, theme and switches into one dispatcher request', () => {
    const args = parseExportArgs([
      '--out',
      'story.webm',
      '--preset',
      '9:16',
      '--journey',
      'pyongyang-dongdang-2019',
      '--variant',
      'B',
      '--theme',
      'dark',
      '--claims',
      '--chart',
      '--follow',
      '--until-last',
      '--subtitle',
      'Night run',
    ]) as ExportArgs;
    expect(args).toMatchObject({ width: 1080, height: 1920, preset: '9:16', variant: 'B' });
    expect(requestOf(args)).toEqual({
      format: 'webm',
      preset: '9:16',
      subtitle: 'Night run',
      theme: 'dark',
      claims: true,
      chart: 'bottom',
      follow: true,
      untilLastTrain: true,
    });
    expect(hashFor(args)).toBe('#j=pyongyang-dongdang-2019&v=B&theme=dark');
  });

  it('assertWritableTarget refuses a symbolic link, a folder and a device, and accepts a file', async () => {
    const sub = await mkdtemp(join(tmpdir(), 'journey-export-targets-'));
    await writeFile(join(sub, 'plain.png'), 'x');
    await symlink(join(sub, 'plain.png'), join(sub, 'link.png'));
    await expect(assertWritableTarget(join(sub, 'plain.png'))).resolves.toBeUndefined();
    await expect(assertWritableTarget(join(sub, 'new.png'))).resolves.toBeUndefined();
    await expect(assertWritableTarget(join(sub, 'link.png'))).rejects.toThrow(/symbolic link/);
    await expect(assertWritableTarget(sub)).rejects.toThrow(/a folder/);
    await expect(assertWritableTarget('/dev/null')).rejects.toThrow(/a device/);
    expect(await readFile(join(sub, 'plain.png'), 'utf8')).toBe('x');
    await rm(sub, { recursive: true, force: true });
  });

  it('hashFor passes the instant and scenario as t and s, and a fraction as p', () => {
    const at = parseExportArgs([
      '--out',
      'a.png',
      '--at',
      '2025-09-01T11:00:00Z',
      '--scenario',
      'fast',
    ]);
    expect(hashFor(at as Exclude<typeof at, 'help'>)).toBe('#t=2025-09-01T11:00:00Z&s=fast');
    const p = parseExportArgs(['--out', 'a.png', '--progress', '0.25']);
    expect(hashFor(p as Exclude<typeof p, 'help'>)).toBe('#p=0.25');
    const m = parseExportArgs(['--out', 'a.png', '--map', '8/39.84/118.28']);
    expect(hashFor(m as Exclude<typeof m, 'help'>)).toBe('#cam=free&map=8/39.84/118.28');
  });

  it('hashFor passes --theme as the theme the app opens in (light is the default, left out)', () => {
    const dark = parseExportArgs(['--out', 'a.png', '--theme', 'dark']);
    expect(hashFor(dark as Exclude<typeof dark, 'help'>)).toBe('#theme=dark');
    const light = parseExportArgs(['--out', 'a.png', '--theme', 'light']);
    expect(hashFor(light as Exclude<typeof light, 'help'>)).toBe('');
  });
});

describe('npm run export', () => {
  it('exits 2 and prints the usage on a bad argument', { timeout: 60_000 }, async () => {
    const { code, stderr } = await cli(['--out', join(dir, 'x.png'), '--width', '99999']);
    expect(code).toBe(2);
    expect(stderr).toContain('--width');
    expect(stderr).toContain('Usage: npm run export');
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes a PNG of the asked size with provenance', { timeout: 180_000 }, async () => {
    const out = join(dir, 'route.png');
    const { code, stdout, stderr } = await cli([
      '--out',
      out,
      '--width',
      '480',
      '--height',
      '270',
      '--title',
      'CLI test',
    ]);
    expect(stderr.replace(/npm warn.*\n?/g, '')).not.toMatch(/failed/);
    expect(code).toBe(0);
    expect(stdout).toContain('wrote');
    const png = await readFile(out);
    expect(pngSize(png)).toEqual({ width: 480, height: 270 });
    expect(readPngText(png).find((t) => t.keyword === 'Title')?.text).toBe('CLI test');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it(
    'exits 1 with the reason when the output folder does not exist',
    { timeout: 60_000 },
    async () => {
      const { code, stderr } = await cli(['--out', join(dir, 'missing', 'x.png')]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/export failed: .*does not exist/);
    },
  );

  it(
    'exits 1 and leaves no partial file when the file cannot be written',
    { timeout: 180_000 },
    async () => {
      const sub = join(dir, 'fail');
      await mkdir(join(sub, 'taken.png'), { recursive: true });
      const { code, stderr } = await cli([
        '--out',
        join(sub, 'taken.png'),
        '--width',
        '320',
        '--height',
        '180',
      ]);
      expect(code).toBe(1);
      expect(stderr).toContain('export failed');
      expect(await readdir(sub)).toEqual(['taken.png']);
      expect(await readdir(join(sub, 'taken.png'))).toEqual([]);
    },
  );
});
