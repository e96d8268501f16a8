import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { isLeg, isStation } from '../domain/route/route';
import { onRouting, routingsOf } from '../domain/route/routing';
import {
  COLORS,
  FONT_STACK,
  PLACE_LABELS,
  railColor,
  themeOf,
  WIDTHS,
  widthAt,
  type Theme,
} from '../map/style';
import { chartFrame } from './chart-panel';
import { compositionPadding, decorationScale } from './compose';
import {
  BASEMAP_ATTRIBUTION,
  provenanceOf,
  throwIfAborted,
  type CompositionText,
  type ExportCommon,
} from './types';
import { fitView, projector, rasterLayout, scaleBar, type Camera } from './view';

/** A vector export of the same view as the raster one. */
export type SvgExportOptions = ExportCommon;

type Pt = [number, number];
type Box = { x0: number; y0: number; x1: number; y1: number };

const FAMILY = [...FONT_STACK.map((f) => `'${f}'`), 'sans-serif'].join(', ');

/** Whether a code point may appear in XML 1.0 text. */
const isXmlChar = (cp: number) => cp === 0x9 || cp === 0xa || cp === 0xd || cp >= 0x20;

/** Escapes text for XML content and attribute values (and drops characters XML forbids). */
export function xmlEscape(s: string): string {
  return s
    .replace(
      /[<>&'"]/g,
      (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`,
    )
    .replace(/./gsu, (c) => (isXmlChar(c.codePointAt(0)!) ? c : ''));
}

const r1 = (v: number) => String(Math.round(v * 10) / 10);
const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');

/** Sutherland–Hodgman: a ring clipped to a box (screen space). */
function clipRing(ring: Pt[], box: Box): Pt[] {
  const edges: [(p: Pt) => boolean, (a: Pt, b: Pt) => Pt][] = [
    [(p) => p[0] >= box.x0, (a, b) => at(a, b, (box.x0 - a[0]) / (b[0] - a[0]))],
    [(p) => p[0] <= box.x1, (a, b) => at(a, b, (box.x1 - a[0]) / (b[0] - a[0]))],
    [(p) => p[1] >= box.y0, (a, b) => at(a, b, (box.y0 - a[1]) / (b[1] - a[1]))],
    [(p) => p[1] <= box.y1, (a, b) => at(a, b, (box.y1 - a[1]) / (b[1] - a[1]))],
  ];
  let out = ring;
  for (const [inside, cross] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cross(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cross(prev, cur));
    }
    if (!out.length) break;
  }
  return out;
}

const at = (a: Pt, b: Pt, t: number): Pt => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

/** Liang–Barsky: a polyline clipped to a box, as the runs that lie inside. */
function clipLine(line: Pt[], box: Box): Pt[][] {
  const runs: Pt[][] = [];
  let run: Pt[] = [];
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    let t0 = 0;
    let t1 = 1;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const checks: [number, number][] = [
      [-dx, a[0] - box.x0],
      [dx, box.x1 - a[0]],
      [-dy, a[1] - box.y0],
      [dy, box.y1 - a[1]],
    ];
    let visible = true;
    for (const [p, q] of checks) {
      if (p === 0) {
        if (q < 0) visible = false;
        continue;
      }
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
    if (!visible || t0 > t1) {
      if (run.length > 1) runs.push(run);
      run = [];
      continue;
    }
    const start = at(a, b, t0);
    if (!run.length) run.push(start);
    run.push(at(a, b, t1));
    if (t1 < 1) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

const pathOf = (parts: Pt[][], close: boolean) =>
  parts
    .filter((p) => p.length > (close ? 2 : 1))
    .map((p) => `M${p.map(([x, y]) => `${r1(x)} ${r1(y)}`).join('L')}${close ? 'Z' : ''}`)
    .join('');

function polygonsOf(g: Geometry | null): Position[][][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

function linesOf(g: Geometry | null): Position[][] {
  if (!g) return [];
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

async function fetchGeoJson(url: string, signal?: AbortSignal): Promise<FeatureCollection> {
  const res = await fetch(url, signal ? { signal } : {});
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as FeatureCollection;
}

/** Text of one line with a white halo, as a <text> element. */
function label(
  x: number,
  y: number,
  text: string,
  a: Record<string, string | number | undefined>,
): string {
  return `<text${attrs({ x: r1(x), y: r1(y), ...a })}>${xmlEscape(text)}</text>`;
}

/** The moving features (trail lines and train arrows) of the moment. */
function trainsSvg(
  moving: FeatureCollection,
  project: (lon: number, lat: number) => Pt,
  box: Box,
  camera: Camera,
  t: Theme,
): string {
  const trail: string[] = [];
  const marks: string[] = [];
  const lw = widthAt(WIDTHS.trail, camera.zoom);
  for (const f of moving.features as Feature[]) {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    if (f.geometry?.type === 'LineString') {
      const d = pathOf(
        clipLine(
          f.geometry.coordinates.map(([lon, lat]) => project(lon!, lat!)),
          box,
        ),
        false,
      );
      const color = railColor(t, String(p.country ?? ''));
      if (d)
        trail.push(`<path${attrs({ d, stroke: color, 'stroke-width': r1(lw), class: 'trail' })}/>`);
    }
    if (f.geometry?.type === 'Point') {
      const [x, y] = project(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!);
      const rot = Number(p.bearing ?? 0) - camera.bearingDeg;
      const k = p.main ? 0.5 : 0.375;
      marks.push(
        `<g${attrs({ class: 'train', transform: `translate(${r1(x)} ${r1(y)}) rotate(${r1(rot)}) scale(${k})`, opacity: p.main ? 1 : 0.85 })}>` +
          `<path d="M0 -21L17 19L0 10L-17 19Z"${attrs({ fill: String(p.color ?? '#111111'), stroke: t.halo, 'stroke-width': 4, 'stroke-linejoin': 'round' })}/></g>`,
      );
      if (p.label) {
        marks.push(
          label(x, y + 24, String(p.label), {
            class: 'train-label',
            'text-anchor': 'middle',
            'font-size': 11,
            fill: String(p.color ?? '#111111'),
          }),
        );
      }
    }
  }
  return `<g id="trail" fill="none" stroke-linecap="round" stroke-linejoin="round">${trail.join('')}</g><g id="trains">${marks.join('')}</g>`;
}

/** The composition as SVG groups (title, legend, scale bar, north arrow, caption, verdict, attribution). */
function decorationsSvg(camera: Camera, text: CompositionText): string {
  const W = camera.cssWidth;
  const H = camera.cssHeight;
  const s = decorationScale(W, H);
  const m = 20 * s;
  const card = (x: number, y: number, w: number, h: number) =>
    `<rect${attrs({ x: r1(x), y: r1(y), width: r1(w), height: r1(h), rx: r1(8 * s), fill: '#ffffff', 'fill-opacity': 0.9 })}/>`;
  const out: string[] = [];
  const titleW = Math.min(
    W * 0.62,
    Math.max(text.title.length * 14 * s, text.subtitle.length * 8 * s) + 28 * s,
  );
  out.push(
    `<g id="title">${card(m, m, titleW, (text.subtitle ? 68 : 46) * s)}` +
      label(m + 14 * s, m + 34 * s, text.title, {
        'font-size': r1(26 * s),
        'font-weight': 700,
        fill: '#1f2933',
      }) +
      (text.subtitle
        ? label(m + 14 * s, m + 56 * s, text.subtitle, { 'font-size': r1(15 * s), fill: '#52606d' })
        : '') +
      '</g>',
  );
  const nr = 22 * s;
  const nx = W - m - nr;
  const ny = m + nr;
  out.push(
    `<g id="north-arrow" transform="translate(${r1(nx)} ${r1(ny)}) rotate(${r1(-camera.bearingDeg)})">` +
      `<circle r="${r1(nr)}" fill="#ffffff" fill-opacity="0.9"/>` +
      `<path d="M0 ${r1(-nr * 0.2)}L${r1(nr * 0.36)} ${r1(nr * 0.75)}L0 ${r1(nr * 0.5)}L${r1(-nr * 0.36)} ${r1(nr * 0.75)}Z" fill="${COLORS.KP}"/>` +
      label(0, -nr * 0.52, 'N', {
        'font-size': r1(13 * s),
        'font-weight': 700,
        'text-anchor': 'middle',
        'dominant-baseline': 'middle',
        fill: '#1f2933',
      }) +
      '</g>',
  );
  const rows: [string, string][] = [
    [
      `<line x2="${r1(28 * s)}" stroke="${COLORS.KP}" stroke-width="${r1(3.5 * s)}" stroke-linecap="round"/>`,
      'Rail in North Korea',
    ],
    [
      `<line x2="${r1(28 * s)}" stroke="${COLORS.CN}" stroke-width="${r1(3.5 * s)}" stroke-linecap="round"/>`,
      'Rail in China',
    ],
    [
      `<rect y="${r1(-5 * s)}" width="${r1(28 * s)}" height="${r1(10 * s)}" fill="#111111"/><rect y="${r1(-1.5 * s)}" width="${r1(28 * s)}" height="${r1(3 * s)}" fill="${COLORS.KP}"/>`,
      'Sino-Korean Friendship Bridge',
    ],
    [
      `<circle cx="${r1(14 * s)}" r="${r1(5 * s)}" fill="#111111" stroke="#ffffff" stroke-width="${r1(2 * s)}"/>`,
      'Border (mid-river)',
    ],
    [
      `<circle cx="${r1(14 * s)}" r="${r1(4 * s)}" fill="#ffffff" stroke="${COLORS.KP}" stroke-width="${r1(2 * s)}"/>`,
      'Station',
    ],
  ];
  if (text.showVariants) {
    rows.push([
      `<line x2="${r1(28 * s)}" stroke="${COLORS.variant}" stroke-width="${r1(3.5 * s)}" stroke-dasharray="${r1(4 * s)} ${r1(3 * s)}"/>`,
      'Alternative routing (unconfirmed)',
    ]);
  }
  for (const t of text.legendTrains) {
    rows.push([
      `<path transform="translate(${r1(14 * s)} 0) rotate(90) scale(${(Math.round(((22 * s) / 48) * 100) / 100).toString()})" d="M0 -21L17 19L0 10L-17 19Z"${attrs({ fill: t.color, stroke: '#ffffff', 'stroke-width': 4 })}/>`,
      t.label,
    ]);
  }
  const rowH = 21 * s;
  const legW = Math.min(W * 0.3, Math.max(...rows.map(([, l]) => l.length * 7 * s))) + 62 * s;
  const legX = W - m - legW;
  const legY = ny + nr + 12 * s;
  const legH = rows.length * rowH + 40 * s;
  out.push(
    `<g id="legend">${card(legX, legY, legW, legH)}` +
      label(legX + 12 * s, legY + 22 * s, 'Legend', {
        'font-size': r1(13 * s),
        'font-weight': 700,
        fill: '#1f2933',
      }) +
      rows
        .map(([sw, l], i) => {
          const y = legY + 40 * s + i * rowH;
          return (
            `<g transform="translate(${r1(legX + 12 * s)} ${r1(y - 4 * s)})">${sw}</g>` +
            label(legX + 50 * s, y, l, { 'font-size': r1(12.5 * s), fill: '#1f2933' })
          );
        })
        .join('') +
      '</g>',
  );
  const lines = text.verdictLines?.filter(Boolean) ?? [];
  if (lines.length) {
    const vW = Math.min(W * 0.34, Math.max(legW, ...lines.map((l) => l.length * 7 * s + 24 * s)));
    const vY = legY + legH + 12 * s;
    out.push(
      `<g id="verdict">${card(W - m - vW, vY, vW, lines.length * rowH + 16 * s)}` +
        lines
          .map((l, i) =>
            label(W - m - vW + 12 * s, vY + 22 * s + i * rowH, l, {
              'font-size': r1(12.5 * s),
              'font-weight': i === 0 ? 700 : undefined,
              fill: '#1f2933',
            }),
          )
          .join('') +
        '</g>',
    );
  }
  const attrH = 18 * s;
  const bar = scaleBar(camera.center[1], camera.zoom, 160 * s);
  const by = H - attrH - m;
  const barLabel = bar.meters >= 1000 ? `${bar.meters / 1000} km` : `${bar.meters} m`;
  out.push(
    `<g id="scale-bar">` +
      `<rect${attrs({ x: r1(m - 4 * s), y: r1(by - 22 * s), width: r1(bar.cssPx + 8 * s), height: r1(28 * s), fill: '#ffffff', 'fill-opacity': 0.8 })}/>` +
      `<path${attrs({ d: `M${r1(m)} ${r1(by - 6 * s)}V${r1(by)}H${r1(m + bar.cssPx)}V${r1(by - 6 * s)}`, fill: 'none', stroke: '#1f2933', 'stroke-width': r1(2 * s) })}/>` +
      label(m + 2 * s, by - 9 * s, barLabel, { 'font-size': r1(11 * s), fill: '#1f2933' }) +
      '</g>',
  );
  if (text.caption) {
    const capY = by - 68 * s;
    out.push(
      `<g id="caption">${card(m, capY, Math.min(W - 2 * m, text.caption.length * 10 * s + 24 * s), 36 * s)}` +
        label(m + 12 * s, capY + 25 * s, text.caption, {
          'font-size': r1(18 * s),
          'font-weight': 700,
          fill: '#1f2933',
        }) +
        '</g>',
    );
  }
  const attribution = [BASEMAP_ATTRIBUTION, text.attribution].filter(Boolean).join(' · ');
  out.push(
    `<g id="attribution">` +
      `<rect${attrs({ x: 0, y: r1(H - attrH), width: r1(W), height: r1(attrH), fill: '#ffffff', 'fill-opacity': 0.85 })}/>` +
      label(W - 6 * s, H - 5 * s, attribution, {
        'font-size': r1(11 * s),
        'text-anchor': 'end',
        fill: '#52606d',
      }) +
      '</g>',
  );
  return out.join('\n');
}

/**
 * A true vector SVG of the export view: country outlines clipped to the view, borders, the route
 * legs coloured by country (alternative routings dashed), stations and their labels with local
 * names, the trains at the moment, and the composition; each in its own `<g id>` so it can be
 * restyled. Projected with the same Web Mercator camera as the raster export; provenance in
 * `<metadata>`. Coordinates are rounded to 0.1 px.
 */
export async function exportSvg(opts: SvgExportOptions): Promise<string> {
  // with the chart option: the map's own SVG nested top left, the chart panel beside or under it
  const frame = chartFrame(opts);
  if (frame) {
    const { chart: _, ...mapOnly } = opts;
    const map = await exportSvg({
      ...mapOnly,
      width: frame.mapWidth,
      height: frame.mapHeight,
      pixelRatio: frame.pixelRatio,
    });
    return frame.svg(map, opts.moment.tMs);
  }
  const t = themeOf(opts.theme);
  const layout = rasterLayout(opts.width, opts.height, opts.pixelRatio);
  const W = layout.cssWidth;
  const H = layout.cssHeight;
  const camera = fitView(opts.view, W, H, compositionPadding(W, H));
  const project = projector(camera);
  const toPts = (coords: Position[]) => coords.map(([lon, lat]) => project(lon!, lat!));
  const margin = 20;
  const box: Box = { x0: -margin, y0: -margin, x1: W + margin, y1: H + margin };
  const base = opts.baseUrl ?? document.baseURI;
  opts.onProgress?.(0.05, 'basemap');
  const [countries, borders] = await Promise.all([
    fetchGeoJson(new URL('basemap/countries-10m.geojson', base).href, opts.signal),
    fetchGeoJson(new URL('basemap/borders-10m.geojson', base).href, opts.signal),
  ]);
  throwIfAborted(opts.signal);
  opts.onProgress?.(0.5, 'vector');

  const countryPaths = countries.features
    .map((f) => {
      const rings = polygonsOf(f.geometry).flatMap((poly) =>
        poly.map((ring) => clipRing(toPts(ring), box)),
      );
      const d = pathOf(rings, true);
      if (!d) return '';
      return `<path${attrs({ d, fill: t.land, 'data-name': String(f.properties?.name ?? ''), class: 'land' })}/>`;
    })
    .filter(Boolean);
  const borderD = pathOf(
    borders.features.flatMap((f) => linesOf(f.geometry).flatMap((l) => clipLine(toPts(l), box))),
    false,
  );

  const legs = opts.route.features.filter(isLeg);
  const showVariants = opts.showVariants ?? true;
  const routing = opts.moment.routing;
  const mainLegs = legs.filter((l) => onRouting(l.properties, routing));
  const variantLegs = showVariants ? legs.filter((l) => !onRouting(l.properties, routing)) : [];
  const legPath = (l: (typeof legs)[number]) =>
    pathOf(clipLine(toPts(l.geometry.coordinates), box), false);
  const lineW = widthAt(WIDTHS.line, camera.zoom);
  const casingW = widthAt(WIDTHS.casing, camera.zoom);
  const variantW = widthAt(WIDTHS.variant, camera.zoom);
  const variantsSvg = variantLegs
    .map(
      (l) =>
        `<path${attrs({ d: legPath(l), stroke: t.variant, 'data-leg': l.properties.id, 'data-variant': routingsOf(l.properties)?.join(' ') })}/>`,
    )
    .join('');
  const casingSvg = mainLegs.map((l) => `<path${attrs({ d: legPath(l) })}/>`).join('');
  const routeSvg = mainLegs
    .map((l) => {
      const c = l.properties.country;
      const color = railColor(t, c);
      return `<path${attrs({ d: legPath(l), stroke: color, class: `leg ${c.toLowerCase()}`, 'data-leg': l.properties.id, 'data-line': l.properties.line })}/>`;
    })
    .join('');
  const bridgeSvg = legs
    .filter((l) => l.properties.line.includes('Bridge'))
    .map((l) => `<path${attrs({ d: legPath(l) })}/>`)
    .join('');

  const inside = ([x, y]: Pt) => x >= 0 && x <= W && y >= 0 && y <= H;
  const stations = opts.route.features
    .filter(isStation)
    .filter((st) => showVariants || onRouting(st.properties, routing));
  const stationSvg: string[] = [];
  const labelSvg: string[] = [];
  const minorSvg: string[] = [];
  for (const st of stations) {
    const p = project(st.geometry.coordinates[0]!, st.geometry.coordinates[1]!);
    if (!inside(p)) continue;
    const pr = st.properties;
    const border = pr.kind === 'border';
    const stroke = !onRouting(pr, routing) ? t.variant : railColor(t, pr.country);
    stationSvg.push(
      border
        ? `<circle${attrs({ cx: r1(p[0]), cy: r1(p[1]), r: 6, fill: t.borderPoint, stroke: t.halo, 'stroke-width': 2, class: 'border-point' })}/>`
        : `<circle${attrs({ cx: r1(p[0]), cy: r1(p[1]), r: pr.principal ? 5 : 3.5, fill: t.stationFill, stroke, 'stroke-width': 2, 'data-name': pr.name })}/>`,
    );
    const text = border ? pr.name : `${pr.name} ${pr.name_local ?? ''}`.trim();
    const el = label(p[0] + 9, p[1] + 4, text, { 'font-size': pr.principal || border ? 13 : 11 });
    (pr.principal || border ? labelSvg : minorSvg).push(el);
  }
  const places = PLACE_LABELS.features
    .map((f) => {
      if (f.geometry.type !== 'Point') return '';
      const p = project(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!);
      if (!inside(p)) return '';
      const pr = (f.properties ?? {}) as Record<string, string>;
      const country = pr.kind === 'country';
      const text = country ? (pr.name ?? '') : `${pr.name ?? ''} ${pr.name_local ?? ''}`;
      return label(p[0], p[1], text, {
        'text-anchor': 'middle',
        'font-size': country ? 15 : pr.kind === 'river' ? 12 : 13,
        'letter-spacing': country ? 3.75 : undefined,
        fill: country ? t.countryLabel : t.waterLabel,
        'font-style': country ? undefined : 'italic',
        class: pr.kind,
      });
    })
    .filter(Boolean);

  const prov = provenanceOf(opts.moment, opts.text.title);
  const meta =
    `<metadata><jm:provenance xmlns:jm="https://journey-map.invalid/ns/export">` +
    `<jm:journey>${xmlEscape(prov.journey)}</jm:journey>` +
    `<jm:moment>${xmlEscape(prov.moment)}</jm:moment>` +
    `<jm:scenario>${xmlEscape(prov.scenario)}</jm:scenario>` +
    `<jm:url>${xmlEscape(prov.sourceUrl)}</jm:url>` +
    `<jm:software>${xmlEscape(prov.software)}</jm:software>` +
    `</jm:provenance></metadata>`;
  const halo = `paint-order="stroke" stroke="${t.halo}" stroke-width="3" stroke-linejoin="round"`;
  const svg = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${opts.width}" height="${opts.height}" viewBox="0 0 ${W} ${H}" font-family="${xmlEscape(FAMILY)}">`,
    `<title>${xmlEscape(prov.title)}</title>`,
    `<desc>${xmlEscape(prov.description)}</desc>`,
    meta,
    `<defs><clipPath id="view"><rect width="${W}" height="${H}"/></clipPath></defs>`,
    `<g id="map" clip-path="url(#view)">`,
    `<rect id="sea" width="${W}" height="${H}" fill="${t.sea}"/>`,
    `<g id="countries" stroke="none" fill-rule="evenodd">${countryPaths.join('')}</g>`,
    `<g id="borders" fill="none" stroke="${t.border}" stroke-width="${r1(widthAt(WIDTHS.border, camera.zoom))}" stroke-dasharray="3 2"><path d="${borderD}"/></g>`,
    `<g id="place-labels" ${halo}>${places.join('')}</g>`,
    `<g id="route" fill="none" stroke-linecap="round" stroke-linejoin="round">`,
    `<g id="route-variants" stroke-width="${r1(variantW)}" stroke-opacity="0.55" stroke-dasharray="${r1(2 * variantW)} ${r1(1.5 * variantW)}">${variantsSvg}</g>`,
    `<g id="route-casing" stroke="${t.halo}" stroke-width="${r1(casingW)}">${casingSvg}</g>`,
    `<g id="route-line" stroke-width="${r1(lineW)}">${routeSvg}</g>`,
    `<g id="route-bridge" stroke="${t.bridge}" stroke-width="${r1(widthAt(WIDTHS.bridge, camera.zoom))}" stroke-linecap="butt">${bridgeSvg}</g>`,
    `</g>`,
    trainsSvg(opts.moment.moving, project, box, camera, t),
    `<g id="stations">${stationSvg.join('')}</g>`,
    `<g id="labels" fill="${t.stationText}" ${halo}>${labelSvg.join('')}</g>`,
    `<g id="labels-minor" fill="${t.stationText}" visibility="hidden" ${halo}>${minorSvg.join('')}</g>`,
    `</g>`,
    `<g id="composition">`,
    decorationsSvg(camera, opts.text),
    `</g>`,
    `</svg>`,
  ].join('\n');
  opts.onProgress?.(1, 'done');
  return svg;
}
