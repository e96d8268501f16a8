import type { FeatureCollection } from 'geojson';
import type { BoundingBox } from 'lineclip';
import { themeOf } from '../map/style';
import type { Scene } from './composition';
import type { Layout } from './layout';
import type { SlotPainter } from './prims-canvas';
import { attrs } from './prims-svg';
import { canvas2d, createExportMap, type ExportMap } from './render';
import { basemapShapesSvg } from './svg-basemap';
import type { Project } from './svg-geometry';
import { projector } from './view';

const NONE: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Where the app is served from, and how to stop. */
interface LocatorRun {
  baseUrl?: string;
  signal?: AbortSignal;
}

/**
 * The locator inset's map, drawn by MapLibre from the same style (and theme) as the main map:
 * the basemap's shapes only, at a whole pixel ratio; null when the layout has no locator. With
 * `placeOnly` it is loaded but not drawn (the SVG reads its features).
 */
async function locatorMap(
  scene: Scene,
  layout: Layout,
  pixelRatio: number,
  run: LocatorRun,
  placeOnly = false,
): Promise<ExportMap | null> {
  const loc = layout.locator;
  if (!loc || !scene.decorations) return null;
  return createExportMap({
    raster: { cssWidth: loc.map.w, cssHeight: loc.map.h, pixelRatio },
    camera: loc.camera,
    route: scene.route,
    moving: NONE,
    routing: scene.routing,
    showVariants: false,
    theme: scene.theme,
    basemapOnly: true,
    placeOnly,
    ...(run.baseUrl ? { baseUrl: run.baseUrl } : {}),
    ...(run.signal ? { signal: run.signal } : {}),
  });
}

/** Rounded corners of the inset's map, CSS px at decoration scale `s`. */
const cornerR = (s: number) => 5 * s;

/**
 * The painter of the locator's slot for a canvas at `pixelRatio`: the inset map drawn once
 * (at the next whole ratio, so its canvas is exact) and copied into its box with rounded corners.
 */
export async function locatorPainter(
  scene: Scene,
  layout: Layout,
  pixelRatio: number,
  run: LocatorRun,
): Promise<SlotPainter | undefined> {
  const m = await locatorMap(scene, layout, Math.ceil(pixelRatio), run);
  if (!m) return undefined;
  let copy: HTMLCanvasElement;
  try {
    copy = canvas2d(m.canvas.width, m.canvas.height).canvas;
    copy.getContext('2d')!.drawImage(m.canvas, 0, 0);
  } finally {
    m.remove();
  }
  const s = layout.s;
  return (ctx, r) => {
    ctx.save();
    ctx.beginPath();
    ctx.roundRect(r.x, r.y, r.w, r.h, cornerR(s));
    ctx.clip();
    ctx.drawImage(copy, r.x, r.y, r.w, r.h);
    ctx.restore();
  };
}

/**
 * The locator's map as SVG for its slot: the sea, then the basemap layers MapLibre rendered for
 * the inset (as the main map's SVG draws them), clipped to the box; '' without a locator.
 */
export async function locatorSvg(scene: Scene, layout: Layout, run: LocatorRun): Promise<string> {
  const loc = layout.locator;
  const m = await locatorMap(scene, layout, 1, run, true);
  if (!m || !loc) return '';
  const { x, y, w, h } = loc.map;
  let shapes: string;
  try {
    const p = projector(loc.camera);
    const project: Project = (lon, lat) => {
      const [px, py] = p(lon, lat);
      return [px + x, py + y];
    };
    const box: BoundingBox = [x - 2, y - 2, x + w + 2, y + h + 2];
    shapes = basemapShapesSvg(m.map, project, box, 'locator-');
  } finally {
    m.remove();
  }
  const rect = { x, y, width: w, height: h, rx: cornerR(layout.s) };
  return (
    `<clipPath id="locator-clip"><rect${attrs(rect)}/></clipPath>` +
    `<g id="locator-map" clip-path="url(#locator-clip)">` +
    `<rect${attrs({ ...rect, fill: themeOf(scene.theme).sea })}/>${shapes}</g>`
  );
}
