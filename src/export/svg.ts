import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { isLeg, isStation } from '../domain/route/route';
import { themeOf, WIDTHS, widthAt, type Theme } from '../map/style';
import { ROUTE_LAYERS } from '../map/route-layers';
import { ARROW_PATH } from '../map/train-arrow';
import { chartPanelOf, FAMILY, prepareScene, type Scene } from './composition';
import type { RunControl } from './image';
import { legColor } from './legend';
import { attrs, CARD_SHADOW_DEF, primsToSvg, r1, xmlEscape } from './prims-svg';
import { createExportMap } from './render';
import { onRouting } from '../domain/route/routing';
import { embeddedFontCss } from './svg-fonts';
import type { Measure } from './text-fit';
import { provenanceOf, throwIfAborted } from './types';
import { projector, type Camera } from './view';

export { xmlEscape } from './prims-svg';

type Pt = [number, number];
type Box = { x0: number; y0: number; x1: number; y1: number };

const linear = (zoom: number, z0: number, v0: number, z1: number, v1: number) =>
  v0 + ((Math.min(z1, Math.max(z0, zoom)) - z0) / (z1 - z0)) * (v1 - v0);

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
      const color = legColor(String(p.country ?? ''), t);
      if (d)
        trail.push(`<path${attrs({ d, stroke: color, 'stroke-width': r1(lw), class: 'trail' })}/>`);
    }
    if (f.geometry?.type === 'Point') {
      const [x, y] = project(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!);
      const rot = Number(p.bearing ?? 0) - camera.bearingDeg;
      const k = p.main ? 0.5 : 0.375;
      marks.push(
        `<g${attrs({ class: 'train', transform: `translate(${r1(x)} ${r1(y)}) rotate(${r1(rot)}) scale(${k})`, opacity: p.main ? 1 : 0.85 })}>` +
          `<path${attrs({ d: ARROW_PATH, fill: String(p.color ?? '#111111'), stroke: t.trainHalo, 'stroke-width': 4, 'stroke-linejoin': 'round', 'paint-order': 'stroke' })}/></g>`,
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

/** A label MapLibre placed, as the SVG draws it: anchor point, lines, size, colour. */
interface PlacedLabel {
  x: number;
  y: number;
  lines: { text: string; px: number }[];
  fill: string;
  anchor: 'start' | 'middle';
  spacing?: number;
  cls: string;
}

/** The basemap's label layers (the style module's ids) whose placed labels the SVG draws. */
const BASEMAP_LABEL_LAYERS = [
  'country-labels',
  'marine-labels',
  'lake-labels',
  'place-labels',
  'river-labels',
];

const hits = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * The labels MapLibre placed on the export map (its collision pass already dropped the ones
 * that overlap), with the station labels put on the first of MapLibre's anchors (right, left,
 * below, above the point) that overlaps no label placed before, in MapLibre's order.
 */
function placedLabels(map: MapLibreMap, camera: Camera, measure: Measure, t: Theme): PlacedLabel[] {
  const project = projector(camera);
  const seen = new Set<string>();
  const features = map
    .queryRenderedFeatures(undefined, { layers: [ROUTE_LAYERS.labels, ...BASEMAP_LABEL_LAYERS] })
    .filter((f) => {
      const key = `${f.layer.id}|${String(f.properties.name)}|${JSON.stringify(f.geometry)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return f.geometry.type === 'Point';
    });
  const rank = (f: (typeof features)[number]) =>
    f.layer.id !== ROUTE_LAYERS.labels
      ? 3
      : f.properties.kind === 'border'
        ? 0
        : f.properties.principal
          ? 1
          : 2;
  features.sort((a, b) => rank(a) - rank(b));
  const taken: Box[] = [];
  const out: PlacedLabel[] = [];
  for (const f of features) {
    const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates as [number, number];
    const [x, y] = project(lon, lat);
    const p = f.properties as Record<string, string | boolean | undefined>;
    if (f.layer.id !== ROUTE_LAYERS.labels) {
      const country = f.layer.id === 'country-labels';
      const px = country ? 15 : f.layer.id === 'river-labels' ? 12 : 13;
      const lines = country
        ? [{ text: String(p.name), px }]
        : [
            { text: String(p.name), px },
            ...(p.name_local ? [{ text: String(p.name_local), px: px * 0.85 }] : []),
          ];
      out.push({
        x,
        y: y - ((lines.length - 1) * px * 1.2) / 2 + px * 0.35,
        lines,
        fill: country
          ? t.countryLabel
          : f.layer.id === 'place-labels'
            ? t.placeLabel
            : t.waterLabel,
        anchor: 'middle',
        ...(country ? { spacing: 0.25 * px } : { spacing: 0.05 * px }),
        cls: f.layer.id,
      });
      continue;
    }
    const border = p.kind === 'border';
    const px = p.principal ? 13 : 11;
    const text = border ? String(p.name) : `${String(p.name)} ${String(p.name_local ?? '')}`.trim();
    const w = measure(text, px, false);
    const off = 0.7 * px;
    const candidates: [number, number, 'start' | 'middle'][] = [
      [x + off, y + px * 0.35, 'start'],
      [x - off - w, y + px * 0.35, 'start'],
      [x - w / 2, y + off + px, 'start'],
      [x - w / 2, y - off - px * 0.25, 'start'],
    ];
    const boxOf = ([lx, ly]: [number, number, string]): Box => ({
      x0: lx,
      y0: ly - px,
      x1: lx + w,
      y1: ly + px * 0.3,
    });
    const pick = candidates.find((c) => !taken.some((t) => hits(t, boxOf(c)))) ?? candidates[0]!;
    taken.push(boxOf(pick));
    out.push({
      x: pick[0],
      y: pick[1],
      lines: [{ text, px }],
      fill: t.stationText,
      anchor: 'start',
      cls: border ? 'border' : 'station',
    });
  }
  return out;
}

function labelSvg(l: PlacedLabel): string {
  const tspans = l.lines
    .filter((t) => t.text)
    .map(
      (t, i) =>
        `<tspan${attrs({ x: r1(l.x), dy: i ? r1(t.px * 1.2) : undefined, 'font-size': r1(t.px) })}>${xmlEscape(t.text)}</tspan>`,
    )
    .join('');
  return `<text${attrs({
    x: r1(l.x),
    y: r1(l.y),
    fill: l.fill,
    'text-anchor': l.anchor === 'middle' ? 'middle' : undefined,
    'letter-spacing': l.spacing ? r1(l.spacing) : undefined,
    class: l.cls,
  })}>${tspans}</text>`;
}

/**
 * A true vector SVG of the scene, the same view and decorations as the PNG: country outlines
 * clipped to the view, borders, the route styled as the map styles it (the shown routing by
 * country, the other routings dashed), stations, the labels MapLibre placed for the same camera,
 * the trains at the moment, and the decorations from the same layout; each in its own `<g id>`.
 * The fonts it draws with are embedded (the unicode-range subsets its text needs), so it looks the
 * same where Noto is not installed. Provenance in `<metadata>`; coordinates rounded to 0.1 px.
 */
export async function exportSvg(scene: Scene, run: RunControl): Promise<string> {
  const W = scene.raster.cssWidth;
  const H = scene.raster.cssHeight;
  const t = themeOf(scene.theme);
  const base = run.baseUrl ?? document.baseURI;
  const { layout, prims, measure } = await prepareScene(scene, run.signal);
  const chart = await chartPanelOf(scene, layout);
  const camera = layout.camera;
  const project = projector(camera);
  const toPts = (coords: Position[]) => coords.map(([lon, lat]) => project(lon!, lat!));
  const margin = 20;
  const box: Box = { x0: -margin, y0: -margin, x1: W + margin, y1: H + margin };
  run.onProgress?.(0.05, 'labels');
  const exportMap = await createExportMap({
    raster: { cssWidth: W, cssHeight: H, pixelRatio: 1 },
    camera,
    route: scene.route,
    moving: scene.moving,
    routing: scene.routing,
    showVariants: scene.showVariants,
    theme: scene.theme,
    baseUrl: base,
    ...(run.signal ? { signal: run.signal } : {}),
  });
  let labels: PlacedLabel[];
  try {
    labels = placedLabels(exportMap.map, camera, measure, t);
  } finally {
    exportMap.remove();
  }
  run.onProgress?.(0.4, 'basemap');
  const [countries, borders] = await Promise.all([
    fetchGeoJson(new URL('basemap/countries-10m.geojson', base).href, run.signal),
    fetchGeoJson(new URL('basemap/borders-10m.geojson', base).href, run.signal),
  ]);
  throwIfAborted(run.signal);
  run.onProgress?.(0.6, 'vector');

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

  const legs = scene.route.features.filter(isLeg);
  const mainLegs = legs.filter((l) => onRouting(l.properties, scene.routing));
  const otherLegs = scene.showVariants
    ? legs.filter((l) => !onRouting(l.properties, scene.routing))
    : [];
  const legPath = (l: (typeof legs)[number]) =>
    pathOf(clipLine(toPts(l.geometry.coordinates), box), false);
  const variantW = widthAt(WIDTHS.variant, camera.zoom);
  const variantsSvg = otherLegs
    .map((l) => `<path${attrs({ d: legPath(l), 'data-leg': l.properties.id })}/>`)
    .join('');
  const casingSvg = mainLegs.map((l) => `<path${attrs({ d: legPath(l) })}/>`).join('');
  const routeSvg = mainLegs
    .map((l) => {
      const c = l.properties.country;
      return `<path${attrs({ d: legPath(l), stroke: legColor(c, t), class: `leg ${c.toLowerCase()}`, 'data-leg': l.properties.id, 'data-line': l.properties.line })}/>`;
    })
    .join('');
  const bridgeSvg = mainLegs
    .filter((l) => l.properties.line.includes('Bridge'))
    .map((l) => `<path${attrs({ d: legPath(l) })}/>`)
    .join('');

  const inside = ([x, y]: Pt) => x >= 0 && x <= W && y >= 0 && y <= H;
  const stationSvg: string[] = [];
  for (const st of scene.route.features.filter(isStation)) {
    const pr = st.properties;
    if (!onRouting(pr, scene.routing)) continue;
    const p = project(st.geometry.coordinates[0]!, st.geometry.coordinates[1]!);
    if (!inside(p)) continue;
    const zoomR = (a: number, b: number) => linear(camera.zoom, 4, a, 9, b);
    stationSvg.push(
      pr.kind === 'border'
        ? `<circle${attrs({ cx: r1(p[0]), cy: r1(p[1]), r: 6, fill: t.borderPoint, stroke: t.halo, 'stroke-width': 2, class: 'border-point' })}/>`
        : `<circle${attrs({ cx: r1(p[0]), cy: r1(p[1]), r: r1(pr.principal ? zoomR(4.5, 6) : zoomR(1.5, 4)), fill: t.stationFill, stroke: legColor(pr.country, t), 'stroke-width': r1(pr.principal ? 2 : zoomR(1, 2)), 'data-name': pr.name })}/>`,
    );
  }
  const routeLabels = labels.filter((l) => l.cls === 'station' || l.cls === 'border');
  const placeLabels = labels.filter((l) => l.cls !== 'station' && l.cls !== 'border');

  const allText = [
    ...labels.flatMap((l) => l.lines.map((t) => t.text)),
    ...prims.flatMap((p) => (p.t === 'text' ? [p.text] : [])),
    ...scene.moving.features.map((f) => String(f.properties?.label ?? '')),
    'N',
  ].join(' ');
  const fontCss = await embeddedFontCss(base, allText, run.signal);
  throwIfAborted(run.signal);

  const prov = provenanceOf(run.moment, scene.text.title);
  const meta =
    `<metadata><jm:provenance xmlns:jm="https://journey-map.invalid/ns/export">` +
    `<jm:journey>${xmlEscape(prov.journey)}</jm:journey>` +
    `<jm:moment>${xmlEscape(prov.moment)}</jm:moment>` +
    `<jm:scenario>${xmlEscape(prov.scenario)}</jm:scenario>` +
    `<jm:url>${xmlEscape(prov.sourceUrl)}</jm:url>` +
    `<jm:software>${xmlEscape(prov.software)}</jm:software>` +
    `</jm:provenance></metadata>`;
  const halo = (w: number, c = 'rgba(255,255,255,0.9)') =>
    `paint-order="stroke" stroke="${c}" stroke-width="${w * 2}" stroke-linejoin="round"`;
  const svg = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${W} ${H}" font-family="${xmlEscape(FAMILY.replaceAll('"', "'"))}">`,
    `<title>${xmlEscape(prov.title)}</title>`,
    `<desc>${xmlEscape(prov.description)}</desc>`,
    meta,
    `<defs><clipPath id="view"><rect width="${W}" height="${H}"/></clipPath>${CARD_SHADOW_DEF}<style>${fontCss}</style></defs>`,
    `<g id="map" clip-path="url(#view)">`,
    scene.transparent ? '' : `<rect id="sea" width="${W}" height="${H}" fill="${t.sea}"/>`,
    `<g id="countries" stroke="none" fill-rule="evenodd">${countryPaths.join('')}</g>`,
    `<g id="borders" fill="none" stroke="${t.border}" stroke-width="${r1(widthAt(WIDTHS.border, camera.zoom))}" stroke-dasharray="3 2"><path d="${borderD}"/></g>`,
    `<g id="place-labels" ${halo(1.2, t.labelHalo)}>${placeLabels.map(labelSvg).join('')}</g>`,
    `<g id="route" fill="none" stroke-linecap="round" stroke-linejoin="round">`,
    `<g id="route-variants" stroke="${t.variant}" stroke-width="${r1(variantW)}" stroke-opacity="0.6" stroke-linecap="butt" stroke-dasharray="${r1(2 * variantW)} ${r1(1.5 * variantW)}">${variantsSvg}</g>`,
    `<g id="route-casing" stroke="${t.halo}" stroke-width="${r1(widthAt(WIDTHS.casing, camera.zoom))}">${casingSvg}</g>`,
    `<g id="route-line" stroke-width="${r1(widthAt(WIDTHS.line, camera.zoom))}">${routeSvg}</g>`,
    `<g id="route-bridge" stroke="${t.bridge}" stroke-width="${r1(widthAt(WIDTHS.bridge, camera.zoom))}" stroke-linecap="butt">${bridgeSvg}</g>`,
    `</g>`,
    trainsSvg(scene.moving, project, box, camera, t),
    `<g id="stations">${stationSvg.join('')}</g>`,
    `<g id="labels" ${halo(1.5, t.stationHalo)}>${routeLabels.map(labelSvg).join('')}</g>`,
    `</g>`,
    `<g id="composition">`,
    primsToSvg(prims, chart ? () => chart.svg(run.moment.tMs) : undefined),
    `</g>`,
    `</svg>`,
  ].join('\n');
  run.onProgress?.(1, 'done');
  return svg;
}
