import type { FeatureCollection } from 'geojson';
import type { RouteCollection } from '../domain/route/route';
import type { ChartData } from '../present/chart/time-distance';
import type { ChartPanel } from './chart-panel';
import { FONT_STACK } from '../map/style';
import { decorations, type DecorationPalette, type Prim } from './decorations';
import { layoutExport, layoutTexts, type Layout, type LayoutInput } from './layout';
import type { LegendEntry } from './legend';
import type { RasterLayout } from './presets';
import type { ThemeName } from './request';
import { layoutInputOf } from './scene';
import { fitText, type Measure } from './text-fit';
import { throwIfAborted, type CompositionText, type ExportView } from './types';

/** The CSS font-family list every decoration is drawn with (the map's label fonts). */
export const FAMILY = [...FONT_STACK.map((f) => `"${f}"`), 'sans-serif'].join(', ');

/** Everything an export shows, resolved: what the PNG, SVG and video renderers are given. */
export interface Scene {
  width: number;
  height: number;
  raster: RasterLayout;
  route: RouteCollection;
  routing: string;
  showVariants: boolean;
  view: ExportView;
  /** Trains and trail at the moment shown. */
  moving: FeatureCollection;
  text: CompositionText;
  legend: LegendEntry[];
  /** The whole attribution line (basemap and route sources). */
  attribution: string;
  theme: ThemeName;
  palette: DecorationPalette;
  transparent: boolean;
  /** False: the map alone (no title, legend, cards). */
  decorations: boolean;
  /** Largest map canvas drawn in one pass, px a side (the GPU's limit when left out). */
  tileLimitPx?: number;
  /** Place a locator inset (the view's region on a continent-sized map). */
  locator?: boolean;
  /** Width / height of the chart panel, when there is one. */
  chartAspect?: number;
  /** What the chart panel draws. */
  chartData?: ChartData;
}

/** Measures text with the canvas, in the decorations' fonts (load them first). */
export function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  return (text, px, bold) => {
    ctx.font = `${bold ? '700 ' : ''}${px}px ${FAMILY}`;
    return ctx.measureText(text).width;
  };
}

/** Loads the Noto faces (regular and bold) for the given texts, so measuring and drawing agree. */
export async function loadCompositionFonts(texts: string[]): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const sample = [...texts, '0123456789 km N Legend'].join(' ');
  const faces = FONT_STACK.flatMap((f) => [`16px "${f}"`, `700 16px "${f}"`]);
  await Promise.all(faces.map((face) => document.fonts.load(face, sample)));
}

/** What the layout of a scene is given. */
const layoutInputOfScene = (scene: Scene): LayoutInput =>
  layoutInputOf({
    width: scene.raster.cssWidth,
    height: scene.raster.cssHeight,
    text: scene.text,
    legendLabels: scene.legend.map((l) => l.label),
    view: scene.view,
    route: scene.route,
    routing: scene.routing,
    showVariants: scene.showVariants,
    attribution: scene.attribution,
    ...(scene.chartAspect ? { chartAspect: scene.chartAspect } : {}),
    ...(scene.locator ? { locator: true } : {}),
  });

/** Every text the layout of a scene measures, station labels included (for font loading). */
export const sceneTexts = (scene: Scene): string[] => layoutTexts(layoutInputOfScene(scene));

/** The layout of a scene and its decorations as drawing instructions. */
export function composeScene(scene: Scene, measure: Measure): { layout: Layout; prims: Prim[] } {
  const layout = layoutExport(layoutInputOfScene(scene), measure);
  return { layout, prims: decorationsOf(scene, layout) };
}

/**
 * Loads the fonts of everything the scene writes (and `extraTexts`), then lays it out with the
 * canvas's measurements: what every renderer does first.
 */
export async function prepareScene(
  scene: Scene,
  signal?: AbortSignal,
  extraTexts: string[] = [],
): Promise<{ layout: Layout; prims: Prim[]; measure: Measure }> {
  await loadCompositionFonts([...sceneTexts(scene), ...extraTexts]);
  throwIfAborted(signal);
  const measure = canvasMeasure();
  return { measure, ...composeScene(scene, measure) };
}

/**
 * The chart panel in the box the layout gave it (loaded fonts included), or null without a chart.
 * Loaded on first use, so the chart's code stays out of exports without one.
 */
export async function chartPanelOf(scene: Scene, layout: Layout): Promise<ChartPanel | null> {
  const box = layout.panels.find((p) => p.id === 'chart');
  if (!box || !scene.chartData || !scene.decorations) return null;
  const { chartPanel, loadChartFonts } = await import('./chart-panel');
  const r = box.rect;
  const panel = chartPanel(scene.chartData, { x: r.x, y: r.y, width: r.w, height: r.h });
  await loadChartFonts(panel);
  return panel;
}

/** The decorations of a laid-out scene (none for a map-only render). */
export const decorationsOf = (scene: Scene, layout: Layout): Prim[] =>
  scene.decorations ? decorations(layout, { legend: scene.legend, palette: scene.palette }) : [];

/**
 * The layout with another caption in the caption's box (animation frames): the camera and every
 * other box stay put, so the map does not jump between frames.
 */
export function withCaption(layout: Layout, caption: string, measure: Measure): Layout {
  const box = layout.panels.find((p) => p.id === 'caption');
  if (!box || !layout.caption) return layout;
  const maxW = box.rect.w - 2 * 12 * layout.s;
  const c = layout.caption;
  const fitted = fitText(caption, maxW, c.px, c.px * 0.6, c.lines.length, true, measure);
  return fitted ? { ...layout, caption: fitted } : layout;
}
