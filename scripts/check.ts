import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  checkJourney,
  roundReport,
  type CheckReport,
  type PairVerdict,
} from '../src/domain/claims/check';
import { formatDataError, type DataError } from '../src/domain/data/data-error';
import { loadJourney } from './lib/load-journey';
import { parseJson } from '../src/domain/data/json-text';
import type { Interval } from '../src/domain/time/interval';
import type { RouteCollection } from '../src/domain/route/route';

const DEFAULT_JOURNEY = fileURLToPath(
  new URL('../geo/journeys/pyongyang-beijing-2025.json', import.meta.url),
);

const USAGE = `usage: npm run check -- [--json] [--journey <file>] [--route <file>]
  --json            print the report as one JSON object (figures as numbers; null = unbounded)
  --journey <file>  check another journey file (default geo/journeys/pyongyang-beijing-2025.json)
  --route <file>    use this route GeoJSON instead of the one the journey names`;

interface Args {
  json: boolean;
  journey: string;
  route: string | null;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { json: false, journey: DEFAULT_JOURNEY, route: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--journey' || a === '--route') {
      const v = argv[++i];
      if (!v) return `${a} needs a file`;
      if (a === '--journey') args.journey = v;
      else args.route = v;
    } else if (a === '--help' || a === '-h') return USAGE;
    else return `unknown argument "${a}"\n${USAGE}`;
  }
  return args;
}

/** Reads a route GeoJSON, or says what is wrong with it. */
async function readRoute(file: string): Promise<RouteCollection | DataError> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { file, path: '', message: `cannot read: ${(err as Error).message}` };
  }
  const parsed = parseJson(text, file);
  if (!parsed.ok) return parsed.errors[0]!;
  const json = parsed.value as { type?: unknown; features?: unknown } | null;
  if (json?.type !== 'FeatureCollection' || !Array.isArray(json.features))
    return { file, path: '/type', message: 'not a GeoJSON FeatureCollection' };
  return json as RouteCollection;
}

const n1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '∞');
const n2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '∞');
const range = (i: Interval, f: (x: number) => string): string =>
  i.lo === i.hi ? f(i.lo) : `${f(i.lo)}–${f(i.hi)}`;

/** A plain-text table with padded columns. */
function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]): string =>
    r
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const SYMBOL: Record<PairVerdict['verdict'], string> = {
  consistent: '✓',
  inconsistent: '✗',
  conditional: '~',
  independent: '·',
};

function implicationText(c: CheckReport['claims'][number]): string {
  const im = c.implication;
  if (im.type === 'time')
    return `${im.windowLocal.from} → ${im.windowLocal.to} (${n2(im.widthH)} h)`;
  if (im.type === 'speed')
    return `${im.mode} ${range(im.speedKmh, n1)} km/h → ${im.perVariant
      .map((v) => `${v.variant}: ${range(v.durationH, n2)} h over ${n1(v.distanceKm)} km`)
      .join('; ')}`;
  if (im.type === 'duration')
    return `${range(im.durationH, n2)} h → ${im.perVariant
      .map(
        (v) => `${v.variant}: ${range(v.speedKmh, n1)} km/h${v.plausible ? '' : ' (implausible)'}`,
      )
      .join('; ')}`;
  return `${range(im.distanceKm, n1)} km → measured ${im.perVariant
    .map(
      (v) =>
        `${v.variant}: ${n1(v.measuredKm)} km (${v.differencePct >= 0 ? '+' : ''}${n1(v.differencePct)}%)`,
    )
    .join('; ')}`;
}

function pairNumbersText(p: PairVerdict): string {
  const x = p.numbers;
  if (x.kind === 'same-event')
    return `windows ${x.overlapUtcMs ? 'overlap' : `${n2(x.gapH)} h apart`}`;
  if (x.kind === 'order') return `margin ${n2(x.marginH)} h`;
  if (x.kind === 'speed-speed')
    return `${range(x.speedAKmh, n1)} vs ${range(x.speedBKmh, n1)} km/h, gap ${n1(x.gapKmh)}`;
  if (x.kind === 'duration-duration')
    return `${range(x.durationAH, n2)} vs ${range(x.durationBH, n2)} h, gap ${n2(x.gapH)}`;
  if (x.kind === 'speed-duration')
    return x.perVariant
      .map(
        (v) =>
          `${v.variant}: ${range(v.impliedDurationH, n2)} h vs ${range(v.claimedDurationH, n2)} h`,
      )
      .join('; ');
  if (x.kind === 'stretch')
    return x.perVariant
      .map(
        (v) =>
          `${v.variant}: ${n1(v.distanceKm)} km in ${range(v.durationH, n2)} h = ${v.speedKmh ? range(v.speedKmh, n1) : '—'} km/h`,
      )
      .join('; ');
  return '';
}

/** The readable report: routings, legs, events, claims, the matrix, other journeys. */
export function formatReport(r: CheckReport): string {
  const out: string[] = [`${r.journey.title}`, ''];
  out.push('Routings (km measured on the route geometry with Turf)');
  out.push(
    table(
      [
        'variant',
        'total km',
        'border km',
        ...Object.keys(r.variants[0]?.countryKm ?? {}).map((c) => `${c} km`),
      ],
      r.variants.map((v) => [
        v.variant,
        n1(v.totalKm),
        v.borderKm === null ? '—' : n1(v.borderKm),
        ...Object.values(v.countryKm).map(n1),
      ]),
    ),
  );
  const legIds = [...new Set(r.variants.flatMap((v) => v.legs.map((l) => l.id)))];
  out.push('', 'Legs (km per routing; published km where known)');
  out.push(
    table(
      ['leg', 'line', 'country', 'published', ...r.variants.map((v) => v.variant)],
      legIds.map((id) => {
        const leg = r.variants.flatMap((v) => v.legs).find((l) => l.id === id)!;
        return [
          id,
          leg.line,
          leg.country,
          leg.publishedKm === null ? '' : n1(leg.publishedKm),
          ...r.variants.map((v) => {
            const l = v.legs.find((x) => x.id === id);
            return l ? n1(l.lengthKm) : '';
          }),
        ];
      }),
    ),
  );
  out.push('', 'Reference events');
  out.push(
    table(
      ['event', 'window (local)', 'source'],
      r.events.map((e) => [e.id, `${e.windowLocal.from} → ${e.windowLocal.to}`, e.source]),
    ),
  );
  out.push(
    '',
    `Reference trip depart→arrive: ${range(r.referenceTrip.durationH, n2)} h → ${r.referenceTrip.perVariant
      .map((v) => `${v.variant}: ${range(v.speedKmh, n1)} km/h`)
      .join('; ')}`,
  );
  out.push(
    '',
    `Claims and what they imply (plausible average ${range(r.plausibleSpeedKmh, n1)} km/h)`,
  );
  out.push(
    table(
      ['#', 'claim', 'basis', 'implies'],
      r.claims.map((c, i) => [String(i + 1), c.id, c.basis, implicationText(c)]),
    ),
  );
  const ids = [...new Set(r.matrix.flatMap((p) => [p.a, p.b]))];
  const cell = new Map(
    r.matrix.flatMap((p) => [[`${p.a}|${p.b}`, p] as const, [`${p.b}|${p.a}`, p] as const]),
  );
  out.push('', 'Consistency matrix (✓ consistent, ✗ inconsistent, ~ conditional, · independent)');
  out.push(
    table(
      ['', ...ids.map((_, i) => String(i + 1))],
      ids.map((a, i) => [
        `${i + 1} ${a}`,
        ...ids.map((b) =>
          a === b ? '\\' : SYMBOL[cell.get(`${a}|${b}`)?.verdict ?? 'independent'],
        ),
      ]),
    ),
  );
  const decided = r.matrix.filter(
    (p) => p.verdict === 'inconsistent' || p.verdict === 'conditional',
  );
  out.push('', 'Inconsistent and conditional pairs');
  out.push(
    table(
      ['verdict', 'a', 'b', 'numbers', 'condition'],
      decided.map((p) => [p.verdict, p.a, p.b, pairNumbersText(p), p.condition ?? '']),
    ),
  );
  if (r.otherJourneys.length) {
    out.push('', 'Claims about other journeys');
    out.push(
      table(
        ['claim', 'journey', 'claimed h', 'reported h', 'timeline h', 'implied km/h', 'verdict'],
        r.otherJourneys.map((o) => [
          o.claim,
          o.journey,
          range(o.claimedDurationH, n2),
          range(o.reportedDurationsH, n2),
          o.timelineDurationH ? range(o.timelineDurationH, n2) : '—',
          range(o.impliedSpeedKmh, n1),
          o.verdict,
        ]),
      ),
    );
  }
  return out.join('\n');
}

/** Runs the check; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    const help = args === USAGE;
    (help ? console.log : console.error)(args);
    return help ? 0 : 2;
  }
  const loaded = await loadJourney(args.journey);
  if (!loaded.ok) {
    console.error(
      `bad journey file:\n${loaded.errors.map((e) => `  ${formatDataError(e)}`).join('\n')}`,
    );
    return 1;
  }
  const route = await readRoute(args.route ?? loaded.value.routePath);
  if ('message' in route) {
    console.error(`bad route file: ${formatDataError(route)}`);
    return 1;
  }
  let report: CheckReport;
  try {
    report = checkJourney(loaded.value.journey, loaded.value.vague, route);
  } catch (err) {
    console.error(`check failed for ${args.journey}: ${(err as Error).message}`);
    return 1;
  }
  console.log(args.json ? JSON.stringify(roundReport(report), null, 2) : formatReport(report));
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
