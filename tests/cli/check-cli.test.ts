import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtureRoute = 'tests/fixtures/route-mini.geojson';

/** Runs `tsx scripts/check.ts …` from the repository root. */
function check(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run check', { timeout: 120_000 }, () => {
  it('check prints the legs, the claims and the matrix as tables and exits 0', () => {
    const r = check('--route', fixtureRoute);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Routings (km measured on the route geometry with Turf)');
    expect(r.stdout).toContain('a004-speed-50kmh');
    expect(r.stdout).toContain('Consistency matrix');
    expect(r.stdout).toMatch(/inconsistent\s+a004-speed-50kmh\s+a004-duration-nearly-20h/);
  });

  it('check --json prints one JSON object with the figures as numbers', () => {
    const r = check('--json', '--route', fixtureRoute);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      variants: { variant: string; totalKm: number }[];
      matrix: { verdict: string }[];
    };
    expect(report.variants.map((v) => v.variant)).toEqual(['A', 'B', 'C']);
    expect(typeof report.variants[0]!.totalKm).toBe('number');
    expect(report.matrix.some((p) => p.verdict === 'inconsistent')).toBe(true);
  });

  it('check prints the finding first, with its assumptions', () => {
    const r = check('--route', fixtureRoute);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[2]).toBe('FINDING (routing A)');
    expect(lines[3]).toMatch(/nearly 20 hours/);
    expect(r.stdout.indexOf('It rests on:')).toBeLessThan(r.stdout.indexOf('Routings'));
    expect(r.stdout).toMatch(/- Stop: Exit formalities at Sinuiju, 0\.25–1\.5 h \(assumed/);
  });

  it('check --json gives the finding: its text, the numbers it states with units, its assumptions', () => {
    const r = check('--json', '--route', fixtureRoute);
    expect(r.code).toBe(0);
    const { finding } = JSON.parse(r.stdout) as {
      finding: {
        text: string;
        numbers: { value: number; unit: string; path: string }[];
        assumptions: string[];
      };
    };
    expect(finding.text).toMatch(
      /^“making the journey nearly 20 hours long” \(article 004\) needs/,
    );
    expect(finding.numbers.length).toBeGreaterThan(10);
    expect(new Set(finding.numbers.map((n) => n.unit))).toEqual(
      new Set(['h', 'km/h', 'km', 'utc-ms']),
    );
    expect(finding.assumptions[0]).toMatch(/^Routing A of A, B and C/);
  });

  it('check --json on a journey of 1,280 claims refuses without --page and pages with it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-big-'));
    const journey = JSON.parse(
      readFileSync(join(root, 'geo/journeys/pyongyang-beijing-2025.json'), 'utf8'),
    ) as { route: string; vagueWords: string; claims: { id: string; after?: string }[] };
    const copies = Math.ceil(1280 / journey.claims.length);
    journey.claims = Array.from({ length: copies }, (_, k) =>
      journey.claims.map((c) => ({
        ...c,
        id: `${c.id}-${k}`,
        ...('reading' in c && (c as { reading: { after?: string } }).reading.after
          ? {
              reading: {
                ...(c as { reading: object }).reading,
                after: `${(c as { reading: { after: string } }).reading.after}-${k}`,
              },
            }
          : {}),
      })),
    )
      .flat()
      .slice(0, 1280);
    journey.route = join(root, 'geo/journeys', journey.route);
    journey.vagueWords = join(root, 'geo/journeys', journey.vagueWords);
    const file = join(dir, 'big.json');
    writeFileSync(file, JSON.stringify(journey));
    const refused = check('--json', '--journey', file, '--route', fixtureRoute);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /1280 claims: --json prints at most 200 claims at a time; add --page 1 … --page 7/,
    );
    const page = check('--json', '--page', '2', '--journey', file, '--route', fixtureRoute);
    expect(page.code).toBe(0);
    expect(page.stdout.length).toBeLessThan(20_000_000);
    const json = JSON.parse(page.stdout) as {
      page: { page: number; pages: number };
      claims: unknown[];
      matrix: unknown[];
      matrixLimit: { computed: boolean; limit: number };
    };
    expect(json.page).toEqual({ page: 2, pages: 7, claimsPerPage: 200 });
    expect(json.claims).toHaveLength(200);
    expect(json.matrixLimit.computed).toBe(false);
    expect(json.matrix).toEqual([]);
  });

  it('check --journey <bad file> names the file and the JSON path and exits 1', () => {
    const r = check('--journey', 'tests/fixtures/journey-bad.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/journey-bad\.json:\d+:\d+: \/claims\/0\/quote: must be string/);
  });

  it('check --journey <missing file> says it cannot read it and exits 1', () => {
    const r = check('--journey', 'tests/fixtures/no-such-journey.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no-such-journey\.json.*cannot read/);
  });

  it('check with an unknown argument prints the usage and exits 2', () => {
    const r = check('--frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage: npm run check/);
  });
});
