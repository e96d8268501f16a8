import type { CheckReport } from '../domain/claims/report';
import { findingOf } from '../domain/claims/finding';
import { assumptionLines, findingSentences } from './finding';
import {
  READING_LABEL,
  VERDICT_SYMBOL,
  claimVerdictWords,
  formatKm,
  formatRange,
  formatWindow,
  implicationLines,
  pairReason,
} from './verdict';

const n1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '∞');

/** A plain-text table with padded columns. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]): string =>
    r
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Words wrapped at a width, each line indented. */
export function wrap(text: string, width = 100, indent = '  '): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width - indent.length) {
      out.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(indent + line);
  return out.join('\n');
}

/** Above this many claims the text report leaves out the matrix grid (the pair list stays). */
export const TEXT_MATRIX_LIMIT = 60;
/** At most this many pairs are listed in the text report. */
export const TEXT_PAIRS_LIMIT = 300;

/** The finding first, then the timeline verdicts, the claims, the route, the matrix. */
export function formatReport(r: CheckReport, variant?: string): string {
  const out: string[] = [r.journey.title, ''];
  const f = findingOf(r, variant);
  out.push(`FINDING (routing ${f.variant})`);
  for (const s of findingSentences(r, f)) out.push(wrap(s));
  out.push('', 'It rests on:');
  for (const a of assumptionLines(r, f)) out.push(wrap(`- ${a}`));

  const variants = r.variants.map((v) => v.variant);
  const speedClaims = r.claims.filter((c) => c.group === 'speed-duration');
  out.push('', 'Speed and duration claims against the reported timeline');
  out.push(
    '(per routing: verdict, margin in h and km/h on the stretch that decides it; * marginal)',
  );
  const rows: string[][] = [];
  for (const c of speedClaims) {
    const v = r.verdicts.find((x) => x.claim === c.id);
    for (const rd of v?.readings ?? []) {
      rows.push([
        c.id,
        READING_LABEL[rd.reading],
        ...variants.map((variant) => {
          const checks = r.timeline.checks.filter(
            (t) =>
              t.claim === c.id && t.reading === rd.reading && t.variant === variant && t.binding,
          );
          if (!checks.length) return '—';
          const worst = checks.reduce((a, b) => (b.measured.marginH < a.measured.marginH ? b : a));
          const p = rd.perVariant.find((x) => x.variant === variant);
          return `${VERDICT_SYMBOL[p?.verdict ?? 'independent']} ${n1(worst.measured.marginH)} h ${n1(worst.measured.marginKmh)} km/h${p?.marginal ? ' *' : ''}`;
        }),
      ]);
    }
  }
  out.push(table(['claim', 'reading', ...variants], rows));

  out.push('', 'Claims and their verdicts');
  out.push(
    table(
      ['#', 'claim', 'group', 'verdict', 'why'],
      r.claims.map((c, i) => {
        const v = r.verdicts.find((x) => x.claim === c.id);
        const w = v ? claimVerdictWords(r, v) : null;
        return [
          String(i + 1),
          c.id,
          c.group,
          w ? `${w.symbol} ${w.headline}` : '',
          w?.lines.join(' | ') || implicationLines(r, c).join('; '),
        ];
      }),
    ),
  );

  out.push('', 'Routings (km measured on the route geometry with Turf)');
  const countries = Object.keys(r.variants[0]?.countryKm ?? {});
  out.push(
    table(
      ['variant', 'total km', 'border km', ...countries.map((c) => `${c} km`)],
      r.variants.map((v) => [
        v.variant,
        n1(v.totalKm),
        v.borderKm === null ? '—' : n1(v.borderKm),
        ...countries.map((c) => n1(v.countryKm[c] ?? 0)),
      ]),
    ),
  );
  const legIds = [...new Set(r.variants.flatMap((v) => v.legs.map((l) => l.id)))];
  out.push('', 'Legs (km per routing; published km where known)');
  out.push(
    table(
      ['leg', 'line', 'country', 'published', ...variants],
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
  out.push('', 'Reported events');
  out.push(
    table(
      ['event', 'window (local)', 'source'],
      r.events.map((e) => [e.id, formatWindow(e.windowUtcMs, r.zones, e.zone), e.source]),
    ),
  );
  out.push('', 'Stretches between reported events');
  out.push(
    table(
      ['routing', 'from → to', 'km', 'published km', 'window', 'stops', 'door to door', 'moving'],
      r.timeline.stretches.map((s) => [
        s.variant,
        `${s.from} → ${s.to}${s.exact ? '' : ' (bracket)'}`,
        n1(s.distanceKm),
        n1(s.publishedKm),
        formatRange(s.windowH, 'h'),
        formatRange(s.dwellH, 'h', 2),
        formatRange(s.doorToDoorKmh, 'km/h'),
        formatRange(s.runningKmh, 'km/h'),
      ]),
    ),
  );

  const ids = [...new Set(r.matrix.flatMap((p) => [p.a, p.b]))];
  if (!r.matrixLimit.computed)
    out.push(
      '',
      `Consistency matrix: not computed — ${r.matrixLimit.claims} claims, over the limit of ${r.matrixLimit.limit} (the timeline verdicts above are complete).`,
    );
  else if (ids.length > TEXT_MATRIX_LIMIT)
    out.push(
      '',
      `Consistency matrix: ${ids.length} claims, over the ${TEXT_MATRIX_LIMIT} shown as a grid; the pairs are listed below (--json has them all).`,
    );
  else {
    const cell = new Map(
      r.matrix.flatMap((p) => [[`${p.a}|${p.b}`, p] as const, [`${p.b}|${p.a}`, p] as const]),
    );
    out.push(
      '',
      `Consistency matrix (${VERDICT_SYMBOL.consistent} consistent, ${VERDICT_SYMBOL.inconsistent} cannot both be true, ${VERDICT_SYMBOL.conditional} only if …, ${VERDICT_SYMBOL.independent} unrelated)`,
    );
    out.push(
      table(
        ['', ...ids.map((_, i) => String(i + 1))],
        ids.map((a, i) => [
          `${i + 1} ${a}`,
          ...ids.map((b) =>
            a === b ? '\\' : VERDICT_SYMBOL[cell.get(`${a}|${b}`)?.verdict ?? 'independent'],
          ),
        ]),
      ),
    );
  }
  const decided = r.matrix.filter(
    (p) => p.verdict === 'inconsistent' || p.verdict === 'conditional',
  );
  out.push('', 'Pairs that cannot both be true, or only under conditions');
  out.push(
    table(
      ['verdict', 'a', 'b', 'reason'],
      decided
        .slice(0, TEXT_PAIRS_LIMIT)
        .map((p) => [
          `${VERDICT_SYMBOL[p.verdict]} ${p.verdict}`,
          p.a,
          p.b,
          pairReason(p, r).split('; ').slice(1).join('; '),
        ]),
    ),
  );
  if (decided.length > TEXT_PAIRS_LIMIT)
    out.push(`… and ${decided.length - TEXT_PAIRS_LIMIT} more pairs (--json has them all).`);
  if (r.otherJourneys.length || r.comparisons.length) {
    out.push('', 'Other journeys');
    out.push(
      table(
        [
          'claim',
          'journey',
          'claimed',
          'reported timeline',
          'other reports',
          'implied speed',
          'verdict',
        ],
        r.otherJourneys.map((o) => [
          o.claim,
          o.journey,
          formatRange(o.claimedDurationH, 'h'),
          o.timelineDurationH ? formatRange(o.timelineDurationH, 'h') : '—',
          o.reportedDurationsH ? formatRange(o.reportedDurationsH, 'h') : '—',
          formatRange(o.impliedSpeedKmh, 'km/h'),
          `${VERDICT_SYMBOL[o.verdict]} ${o.verdict}`,
        ]),
      ),
    );
    for (const c of r.comparisons)
      out.push(
        `${c.title}: ${formatRange(c.durationH, 'h')} door to door for ${formatKm(c.distanceKm.lo)}, ${formatRange(c.speedKmh, 'km/h')}`,
      );
  }
  return out.join('\n');
}
