import { fileURLToPath } from 'node:url';
import { checkJourney, roundReport, type CheckReport } from '../src/domain/claims/check';
import { findingJson } from '../src/present/finding';
import { formatReport } from '../src/present/report-text';
import { formatDataError, type DataError } from '../src/domain/data/data-error';
import { loadJourney, readInputFile } from './lib/load-journey';
import { parseJson } from '../src/domain/data/json-text';
import type { RouteCollection } from '../src/domain/route/route';

const DEFAULT_JOURNEY = fileURLToPath(
  new URL('../geo/journeys/pyongyang-beijing-2025.json', import.meta.url),
);

const USAGE = `usage: npm run check -- [--json [--page <n>]] [--journey <file>] [--route <file>]
  --json            print the finding and the report as one JSON object (figures as numbers;
                    null = unbounded); a journey of more than 200 claims needs --page
  --page <n>        with --json: only the n-th 200 claims (their verdicts, timeline checks, pairs)
  --journey <file>  check another journey file (default geo/journeys/pyongyang-beijing-2025.json)
  --route <file>    use this route GeoJSON instead of the one the journey names`;

interface Args {
  json: boolean;
  page: number | null;
  journey: string;
  route: string | null;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { json: false, page: null, journey: DEFAULT_JOURNEY, route: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--page') {
      const v = argv[++i] ?? '';
      if (!/^[1-9]\d{0,5}$/.test(v)) return `--page needs a page number (1, 2, …), not "${v}"`;
      args.page = Number(v);
    } else if (a === '--journey' || a === '--route') {
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
  const text = await readInputFile(file);
  if (!text.ok) return text.errors[0]!;
  const parsed = parseJson(text.value, file);
  if (!parsed.ok) return parsed.errors[0]!;
  const json = parsed.value as { type?: unknown; features?: unknown } | null;
  if (json?.type !== 'FeatureCollection' || !Array.isArray(json.features))
    return { file, path: '/type', message: 'not a GeoJSON FeatureCollection' };
  return json as RouteCollection;
}

/** Claims per page of `--json`: a journey with more must be paged with --page. */
export const JSON_PAGE_CLAIMS = 200;

/** The report as `--json` prints it: the finding first, then the report, optionally one page. */
export function jsonReport(report: CheckReport, page: number | null): object | string {
  const n = report.claims.length;
  const pages = Math.ceil(n / JSON_PAGE_CLAIMS);
  if (page === null && n > JSON_PAGE_CLAIMS)
    return `${n} claims: --json prints at most ${JSON_PAGE_CLAIMS} claims at a time; add --page 1 … --page ${pages}`;
  if (page !== null && (page < 1 || page > Math.max(pages, 1)))
    return `--page ${page}: there ${pages === 1 ? 'is 1 page' : `are ${pages} pages`} of ${JSON_PAGE_CLAIMS} claims`;
  const finding = findingJson(report);
  if (page === null) return { finding, ...roundReport(report) };
  const ids = new Set(
    report.claims.slice((page - 1) * JSON_PAGE_CLAIMS, page * JSON_PAGE_CLAIMS).map((c) => c.id),
  );
  const paged: CheckReport = {
    ...report,
    claims: report.claims.filter((c) => ids.has(c.id)),
    verdicts: report.verdicts.filter((v) => ids.has(v.claim)),
    timeline: {
      stretches: report.timeline.stretches,
      checks: report.timeline.checks.filter((t) => ids.has(t.claim)),
    },
    matrix: report.matrix.filter((p) => ids.has(p.a) && ids.has(p.b)),
    otherJourneys: report.otherJourneys.filter((o) => ids.has(o.claim)),
  };
  return { finding, page: { page, pages, claimsPerPage: JSON_PAGE_CLAIMS }, ...roundReport(paged) };
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
  if (!args.json) {
    console.log(formatReport(report));
    return 0;
  }
  const json = jsonReport(report, args.page);
  if (typeof json === 'string') {
    console.error(json);
    return 2;
  }
  console.log(JSON.stringify(json, null, 2));
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
