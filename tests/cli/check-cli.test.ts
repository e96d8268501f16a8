import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtureRoute = 'tests/fixtures/route-mini.geojson';

/** Runs `tsx scripts/check.ts …` from the repository root. */
function check(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run check', () => {
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
