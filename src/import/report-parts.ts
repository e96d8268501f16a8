import type { CheckReport } from '../domain/claims/report';

/** The report's long lists, one entry per claim or per check. */
const LISTS = ['claims', 'verdicts', 'checks'] as const;
type ListName = (typeof LISTS)[number];

/** A slice of one of a report's long lists, sent on its own by the import worker. */
export interface ReportPart {
  list: ListName;
  items: unknown[];
}

/** Items per part: a part's structured clone takes a few milliseconds on the page. */
export const PART_ITEMS = 200;

const listOf = (r: CheckReport, list: ListName): unknown[] =>
  list === 'checks' ? r.timeline.checks : r[list];

/**
 * A report cut into a head (the report with its long lists empty) and parts of at most
 * `PART_ITEMS` items. A report of thousands of claims is megabytes of small objects: posted
 * whole, reading it back blocked the page for a third of a second in one task; posted in parts,
 * each arrives as a task of its own. `joinReport` puts them together again.
 */
export function splitReport(report: CheckReport): { head: CheckReport; parts: ReportPart[] } {
  const parts: ReportPart[] = [];
  for (const list of LISTS) {
    const all = listOf(report, list);
    for (let i = 0; i < all.length; i += PART_ITEMS)
      parts.push({ list, items: all.slice(i, i + PART_ITEMS) });
  }
  const head: CheckReport = {
    ...report,
    claims: [],
    verdicts: [],
    timeline: { ...report.timeline, checks: [] },
  };
  return { head, parts };
}

/** The report `splitReport` cut, from its head and its parts in the order they were made. */
export function joinReport(head: CheckReport, parts: readonly ReportPart[]): CheckReport {
  const report: CheckReport = {
    ...head,
    claims: [...head.claims],
    verdicts: [...head.verdicts],
    timeline: { ...head.timeline, checks: [...head.timeline.checks] },
  };
  for (const p of parts)
    for (const item of p.items) (listOf(report, p.list) as unknown[]).push(item);
  return report;
}
