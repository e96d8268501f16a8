import type { Feature, FeatureCollection } from 'geojson';
import type { BoundingBox } from 'lineclip';
import { isLeg, isStation } from '../domain/route/route';
import { themeOf, WIDTHS, widthAt, type Theme } from '../map/style';
import { ROUTE_LAYERS } from '../map/route-layers';
import { ARROW_PATH } from '../map/train-arrow';
import { TRAIN_LAYERS } from '../map/train-layer';
import { chartPanelOf, FAMILY, prepareScene, type Scene } from './composition';
import type { RunControl } from './image';
import { legColor } from './legend';
import { attrs, CARD_SHADOW_DEF, primsToSvg, r1, xmlEscape } from './prims-svg';
import { createExportMap } from './render';
import { onRouting } from '../domain/route/routing';
import {
  basemapShapesSvg,
  labelSvg,
  lineLabels,
  lineLabelsSvg,
  placedLabels,
  type LineLabel,
  type PlacedLabel,
} from './svg-basemap';
import { embeddedFontCss } from './svg-fonts';
import { locatorSvg } from './locator-map';
import { linePath, type Project } from './svg-geometry';
import { balancedLines, type Measure } from './text-fit';
import { provenanceOf, throwIfAborted } from './types';
import { projector, type Camera } from './view';

export { xmlEscape } from './prims-svg';

const linear = (zoom: number, z0: number, v0: number, z1: number, v1: number) =>
  v0 + ((Math.min(z1, Math.max(z0, zoom)) - z0) / (z1 - z0)) * (v1 - v0);

/** MapLibre's default `text-max-width` (the train labels' layer keeps it), in ems. */
const TRAIN_LABEL_MAX_EM = 10;
const TRAIN_LABEL_PX = 11;

/** A train's label under its arrow, broken into lines where MapLibre breaks it. */
function trainLabel(x: number, y: number, text: string, color: string, halo: string, m: Measure) {
  const px = TRAIN_LABEL_PX;
  const lines = balancedLines([text], TRAIN_LABEL_MAX_EM * px, (l) => m(l, px, false));
  const tspans = lines
    .map(
      (l, i) =>
        `<tspan${attrs({ x: r1(x), y: r1(y + i * 1.2 * px) })}>${xmlEscape(l.text)}</tspan>`,
    )
    .join('');
  return `<text${attrs({
    class: 'train-label',
    'text-anchor': 'middle',
    'font-size': px,
    fill: color,
    stroke: halo,
    'stroke-width': 3,
    'stroke-linejoin': 'round',
    'paint-order': 'stroke',
  })}>${tspans}</text>`;
}

/**
 * The moving features (trail lines and train arrows) of the moment, with the train labels in
 * `placed` (those MapLibre placed: it drops a train's label that would collide with a station's
 * or another train's).
 */
function trainsSvg(
  moving: FeatureCollection,
  project: Project,
  box: BoundingBox,
  camera: Camera,
  t: Theme,
  m: Measure,
  placed: Set<string>,
): string {
  const trail: string[] = [];
  const marks: string[] = [];
  const lw = widthAt(WIDTHS.trail, camera.zoom);
  for (const f of moving.features as Feature[]) {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    if (f.geometry?.type === 'LineString') {
      const d = linePath(f.geometry.coordinates, project, box);
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
      if (p.label && placed.has(String(p.label))) {
        marks.push(
          trainLabel(x, y + 24, String(p.label), String(p.color ?? '#111111'), t.trainHalo, m),
        );
      }
    }
  }
  return `<g id="trail" fill="none" stroke-linecap="round" stroke-linejoin="round">${trail.join('')}</g><g id="trains">${marks.join('')}</g>`;
}

/** The label layers (the style module's ids, basemap and route) whose placed labels the SVG draws. */
const LABEL_LAYERS = [
  'country-labels',
  'marine-labels',
  'lake-labels',
  'peaks',
  'place-labels',
  ROUTE_LAYERS.labels,
];
/** The label layers placed along lines (river names). */
const LINE_LABEL_LAYERS = ['river-labels'];

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
  const margin = 20;
  const box: BoundingBox = [-margin, -margin, W + margin, H + margin];
  run.onProgress?.(0.05, 'map');
  const exportMap = await createExportMap({
    raster: { cssWidth: W, cssHeight: H, pixelRatio: 1 },
    camera,
    route: scene.route,
    moving: scene.moving,
    routing: scene.routing,
    showVariants: scene.showVariants,
    theme: scene.theme,
    baseUrl: base,
    placeOnly: true,
    ...(run.signal ? { signal: run.signal } : {}),
  });
  // the basemap and labels as MapLibre drew them for this view, in the scene's theme
  let labels: PlacedLabel[];
  let rivers: LineLabel[];
  let trainLabels: Set<string>;
  let basemapSvg: string;
  try {
    basemapSvg = basemapShapesSvg(exportMap.map, project, box);
    labels = placedLabels(exportMap.map, project, measure, LABEL_LAYERS);
    rivers = lineLabels(exportMap.map, project, box, measure, LINE_LABEL_LAYERS);
    trainLabels = new Set(
      exportMap.map
        .queryRenderedFeatures({ layers: [TRAIN_LAYERS.labels] })
        .map((f) => String(f.properties.label)),
    );
  } finally {
    exportMap.remove();
  }
  const locator = await locatorSvg(scene, layout, run);
  throwIfAborted(run.signal);
  run.onProgress?.(0.6, 'vector');

  const legs = scene.route.features.filter(isLeg);
  const mainLegs = legs.filter((l) => onRouting(l.properties, scene.routing));
  const otherLegs = scene.showVariants
    ? legs.filter((l) => !onRouting(l.properties, scene.routing))
    : [];
  const legPath = (l: (typeof legs)[number]) => linePath(l.geometry.coordinates, project, box);
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
  // MapLibre draws the bridge as two lines either side of a gap that shows the route below
  const bridgeW = widthAt(WIDTHS.bridge, camera.zoom);
  const gapW = widthAt(WIDTHS.bridgeGap, camera.zoom);
  const bridgeSvg = mainLegs
    .filter((l) => l.properties.line.includes('Bridge'))
    .map(
      (l) =>
        `<path${attrs({ d: legPath(l), stroke: t.bridge, 'stroke-width': r1(gapW + 2 * bridgeW) })}/>` +
        `<path${attrs({ d: legPath(l), stroke: legColor(l.properties.country, t), 'stroke-width': r1(gapW) })}/>`,
    )
    .join('');

  const inside = ([x, y]: [number, number]) => x >= 0 && x <= W && y >= 0 && y <= H;
  const stationSvg: string[] = [];
  // the border point over the stations beside it, as the map draws it
  const stations = scene.route.features.filter(isStation);
  const byKind = [
    ...stations.filter((s) => s.properties.kind !== 'border'),
    ...stations.filter((s) => s.properties.kind === 'border'),
  ];
  for (const st of byKind) {
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
  const routeLabels = labels.filter((l) => l.layer === ROUTE_LAYERS.labels);
  const placeLabels = labels.filter((l) => l.layer !== ROUTE_LAYERS.labels);

  const allText = [
    ...labels.flatMap((l) => l.lines.map((t) => t.text)),
    ...rivers.map((r) => r.text),
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
  const svg = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${W} ${H}" font-family="${xmlEscape(FAMILY.replaceAll('"', "'"))}">`,
    `<title>${xmlEscape(prov.title)}</title>`,
    `<desc>${xmlEscape(prov.description)}</desc>`,
    meta,
    `<defs><clipPath id="view"><rect width="${W}" height="${H}"/></clipPath>${CARD_SHADOW_DEF}<style>${fontCss}</style></defs>`,
    `<g id="map" clip-path="url(#view)">`,
    scene.transparent ? '' : `<rect id="sea" width="${W}" height="${H}" fill="${t.sea}"/>`,
    `<g id="basemap">${basemapSvg}</g>`,
    `<g id="place-labels">${lineLabelsSvg(rivers)}${placeLabels.map(labelSvg).join('')}</g>`,
    `<g id="route" fill="none" stroke-linecap="round" stroke-linejoin="round">`,
    `<g id="route-variants" stroke="${t.variant}" stroke-width="${r1(variantW)}" stroke-opacity="0.6" stroke-linecap="butt" stroke-dasharray="${r1(2 * variantW)} ${r1(1.5 * variantW)}">${variantsSvg}</g>`,
    `<g id="route-casing" stroke="${t.halo}" stroke-width="${r1(widthAt(WIDTHS.casing, camera.zoom))}">${casingSvg}</g>`,
    `<g id="route-line" stroke-width="${r1(widthAt(WIDTHS.line, camera.zoom))}">${routeSvg}</g>`,
    `<g id="route-bridge" stroke-linecap="butt">${bridgeSvg}</g>`,
    `</g>`,
    trainsSvg(scene.moving, project, box, camera, t, measure, trainLabels),
    `<g id="stations">${stationSvg.join('')}</g>`,
    `<g id="labels">${routeLabels.map(labelSvg).join('')}</g>`,
    `</g>`,
    `<g id="composition">`,
    primsToSvg(prims, {
      ...(chart ? { chart: () => chart.svg(run.moment.tMs) } : {}),
      locator: () => locator,
    }),
    `</g>`,
    `</svg>`,
  ].join('\n');
  run.onProgress?.(1, 'done');
  return svg;
}
