import type { Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import { lineString, simplify } from '@turf/turf';
import { clipPolyline, type BoundingBox, type Point } from 'lineclip';
import { attrs, r1, xmlEscape } from './prims-svg';
import { linePath, linesOf, pathOf, polygonPath, polygonsOf, type Project } from './svg-geometry';
import { balancedLines, type Measure } from './text-fit';

/** A value MapLibre evaluated for a feature (a number, a `Color`, a list) as SVG attribute text. */
const css = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : String(v);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);

type Paint = Record<string, unknown>;

/** SVG attributes of a fill, line or circle layer's paint, as MapLibre evaluated it per feature. */
function shapeAttrs(
  type: string,
  paint: Paint,
  layout: Paint,
  dash: number[] | undefined,
): Record<string, string | undefined> {
  if (type === 'fill')
    return { fill: css(paint['fill-color']), 'fill-opacity': css(paint['fill-opacity']) };
  if (type === 'line') {
    const w = num(paint['line-width'], 1);
    return {
      fill: 'none',
      stroke: css(paint['line-color']),
      'stroke-width': r1(w),
      'stroke-opacity': css(paint['line-opacity']),
      'stroke-linecap': dash ? 'butt' : css(layout['line-cap']),
      'stroke-linejoin': css(layout['line-join']),
      // MapLibre's dashes are in line widths
      'stroke-dasharray': dash?.map((d) => r1(d * w)).join(' '),
    };
  }
  return {
    fill: css(paint['circle-color']),
    stroke: css(paint['circle-stroke-color']),
    'stroke-width': css(paint['circle-stroke-width']),
  };
}

/**
 * The basemap's fill, line and circle layers (land, urban areas, rivers, lakes, borders, town
 * dots) as SVG, in the style's order: the features MapLibre rendered for the view, each with the
 * paint it evaluated for that feature at that zoom, so the SVG follows the one style module (and
 * its theme) without a copy of its colours or widths. Features of one look share one path. Each
 * layer's group is named by its id after `idPrefix` (ids stay unique when two maps share an SVG).
 */
export function basemapShapesSvg(
  map: MapLibreMap,
  project: Project,
  box: BoundingBox,
  idPrefix = '',
): string {
  const groups: string[] = [];
  for (const layer of map.getStyle().layers) {
    if (!('source' in layer) || layer.source !== 'basemap') continue;
    if (layer.type !== 'fill' && layer.type !== 'line' && layer.type !== 'circle') continue;
    if (map.getLayoutProperty(layer.id, 'visibility') === 'none') continue;
    // the style's own dashes (MapLibre evaluates them into a pattern, not a list)
    const dashSpec = (layer.paint as Paint | undefined)?.['line-dasharray'];
    const dash = Array.isArray(dashSpec) ? (dashSpec as number[]) : undefined;
    const byLook = new Map<string, { a: Record<string, string | undefined>; d: string[] }>();
    const seen = new Set<string>();
    for (const f of map.queryRenderedFeatures({ layers: [layer.id] })) {
      const paint = f.layer.paint as Paint;
      const opacity = paint['fill-opacity'] ?? paint['line-opacity'] ?? paint['circle-opacity'];
      if (opacity === 0) continue;
      let d = '';
      if (layer.type === 'fill') d = polygonPath(polygonsOf(f.geometry), project, box);
      else if (layer.type === 'line')
        d = linesOf(f.geometry)
          .map((l) => linePath(l, project, box))
          .join('');
      else if (f.geometry.type === 'Point') {
        const key = f.geometry.coordinates.join();
        if (seen.has(key)) continue;
        seen.add(key);
        const [x, y] = project(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!);
        const r = num(paint['circle-radius'], 3);
        d = `M${r1(x - r)} ${r1(y)}a${r} ${r} 0 1 0 ${r1(2 * r)} 0a${r} ${r} 0 1 0 ${r1(-2 * r)} 0Z`;
      }
      if (!d) continue;
      const a = shapeAttrs(layer.type, paint, (f.layer.layout ?? {}) as Paint, dash);
      const look = JSON.stringify(a);
      const entry = byLook.get(look) ?? { a, d: [] };
      entry.d.push(d);
      byLook.set(look, entry);
    }
    // nonzero, not even–odd: the pieces of one polygon from neighbouring tiles overlap in the
    // tiles' buffers, and even–odd cut those overlaps out as stripes of sea; holes still show,
    // their rings wound against the outer ones (as vector tiles require)
    const paths = [...byLook.values()].map(
      ({ a, d }) => `<path${attrs({ d: d.join(''), ...a, 'fill-rule': 'nonzero' })}/>`,
    );
    if (paths.length)
      groups.push(`<g id="${xmlEscape(idPrefix + layer.id)}">${paths.join('')}</g>`);
  }
  return groups.join('\n');
}

/** A label MapLibre placed, as the SVG draws it. */
export interface PlacedLabel {
  /** The style layer it belongs to. */
  layer: string;
  /** Left, top of its text block, and its size. */
  box: [number, number, number, number];
  lines: { text: string; px: number }[];
  lineH: number;
  justify: 'start' | 'middle' | 'end';
  fill: string;
  halo?: string;
  haloW: number;
  family: string;
  spacing: number;
}

type Formatted = { sections: { text: string; scale?: number | null }[] };

/** The lines of a label's evaluated `text-field`, each with its size in px. */
function textLines(field: unknown, size: number): { text: string; px: number }[] {
  const sections =
    typeof field === 'object' && field && 'sections' in field
      ? (field as Formatted).sections
      : [{ text: String(field ?? '') }];
  const lines: { text: string; px: number }[] = [{ text: '', px: 0 }];
  for (const s of sections) {
    s.text.split('\n').forEach((part, i) => {
      if (i) lines.push({ text: '', px: 0 });
      const line = lines[lines.length - 1]!;
      line.text += part;
      if (part) line.px = Math.max(line.px, size * (s.scale ?? 1));
    });
  }
  return lines.filter((l) => l.text.trim()).map((l) => ({ text: l.text.trim(), px: l.px || size }));
}

/** A label's `text-justify` (`auto`: to the side of its anchor) as an SVG `text-anchor`. */
function justifyOf(justify: string, anchor: string): PlacedLabel['justify'] {
  const side = justify === 'auto' ? anchor : justify;
  return side === 'left' ? 'start' : side === 'right' ? 'end' : 'middle';
}

const overlaps = (a: number[], b: number[]) =>
  a[0]! < b[0]! + b[2]! && b[0]! < a[0]! + a[2]! && a[1]! < b[1]! + b[3]! && b[1]! < a[1]! + a[3]!;

/** A label MapLibre placed with a variable anchor: where its point projects, and the anchor. */
interface ChosenAnchor {
  layer: string;
  x: number;
  y: number;
  anchor: string;
}

/** A symbol of a MapLibre tile bucket, as {@link chosenAnchors} reads it. */
interface SymbolInstance {
  anchorX: number;
  anchorY: number;
  crossTileID: number;
}

/** What {@link chosenAnchors} reads of MapLibre's internals (MapLibre 6). */
interface PlacementInternals {
  style?: {
    placement?: {
      variableOffsets?: Record<number, { anchor: string } | undefined>;
      placements?: Record<number, { text: boolean } | undefined>;
    };
    tileManagers?: Record<
      string,
      {
        getRenderableIds: (symbolLayer?: boolean) => string[];
        getTileByID: (id: string) =>
          | {
              tileID: { canonical: { x: number; y: number; z: number } };
              buckets: Record<
                string,
                { symbolInstances?: { length: number; get: (i: number) => SymbolInstance } }
              >;
            }
          | undefined;
      }
    >;
  };
}

/** MapLibre's tile coordinates per tile side. */
const TILE_EXTENT = 8192;

/**
 * The anchors MapLibre chose for the labels it placed in `layerIds` (`text-variable-anchor`),
 * with their points projected by `project`. MapLibre has no public reading of its placement:
 * this reads its placement's variable offsets and its tiles' symbol buckets (MapLibre 6), and
 * gives nothing where those are absent (the SVG then chooses anchors itself).
 */
export function chosenAnchors(
  map: MapLibreMap,
  project: Project,
  layerIds: string[],
): ChosenAnchor[] {
  const { style } = map as unknown as PlacementInternals;
  const offsets = style?.placement?.variableOffsets;
  const placed = style?.placement?.placements;
  if (!offsets || !placed || !style?.tileManagers) return [];
  const out: ChosenAnchor[] = [];
  for (const layer of layerIds) {
    const source = map.getLayer(layer)?.source;
    const tiles = source ? style.tileManagers[source] : undefined;
    if (!tiles) continue;
    for (const id of tiles.getRenderableIds(true)) {
      const tile = tiles.getTileByID(id);
      const symbols = tile?.buckets[layer]?.symbolInstances;
      if (!tile || !symbols) continue;
      const { x, y, z } = tile.tileID.canonical;
      const n = 2 ** z;
      for (let i = 0; i < symbols.length; i++) {
        const s = symbols.get(i);
        const chosen = offsets[s.crossTileID];
        if (!chosen || !placed[s.crossTileID]?.text) continue;
        const lon = ((x + s.anchorX / TILE_EXTENT) / n) * 360 - 180;
        const my = (y + s.anchorY / TILE_EXTENT) / n;
        const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * my))) * 180) / Math.PI;
        const [px, py] = project(lon, lat);
        out.push({ layer, x: px, y: py, anchor: chosen.anchor });
      }
    }
  }
  return out;
}

/**
 * The point labels MapLibre placed on `map` (its collision pass already dropped those that
 * overlap), with the sizes, colours, halos and fonts it evaluated, each at the variable anchor
 * MapLibre chose ({@link chosenAnchors}). Where that cannot be read, a label takes the first of its
 * anchors (in the style's order) whose box overlaps no label placed before it, in MapLibre's
 * placement order (top layer first, then by `symbol-sort-key`).
 */
export function placedLabels(
  map: MapLibreMap,
  project: Project,
  measure: Measure,
  layerIds: string[],
): PlacedLabel[] {
  const order = map.getStyle().layers.map((l) => l.id);
  const seen = new Set<string>();
  const features = map
    .queryRenderedFeatures({ layers: layerIds })
    .filter((f) => f.geometry.type === 'Point')
    .filter((f) => {
      const key = `${f.layer.id}|${JSON.stringify(f.properties)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const sortKey = (f: MapGeoJSONFeature) => num((f.layer.layout as Paint)['symbol-sort-key'], 0);
  features.sort(
    (a, b) => order.indexOf(b.layer.id) - order.indexOf(a.layer.id) || sortKey(a) - sortKey(b),
  );
  const chosen = chosenAnchors(map, project, layerIds);
  const taken: number[][] = [];
  const out: PlacedLabel[] = [];
  for (const f of features) {
    const layout = (f.layer.layout ?? {}) as Paint;
    const paint = (f.layer.paint ?? {}) as Paint;
    const size = num(layout['text-size'], 16);
    const fonts = (layout['text-font'] as string[] | undefined) ?? ['Noto Sans'];
    const bold = fonts[0]!.includes('Bold');
    const spacing = num(layout['text-letter-spacing'], 0) * size;
    const widthAt = (text: string, px: number) =>
      measure(text, px, bold) + spacing * [...text].length;
    // broken where MapLibre breaks them (`text-max-width`, in ems)
    const parts = textLines(layout['text-field'], size);
    const lines = balancedLines(
      parts.map((l) => l.text),
      num(layout['text-max-width'], 10) * size,
      (text, k) => widthAt(text, parts[k]!.px),
    ).map(({ text, part }) => ({ text, px: parts[part]!.px }));
    if (!lines.length) continue;
    const w = Math.max(...lines.map((l) => widthAt(l.text, l.px)));
    const lineH = 1.2 * size;
    const h = lines.length * lineH;
    const [x, y] = project(...((f.geometry as GeoJSON.Point).coordinates as [number, number]));
    const r = num(layout['text-radial-offset'], 0) * size;
    const anchors = (layout['text-variable-anchor'] as string[] | undefined) ?? ['center'];
    const at = (anchor: string): [number, number, number, number] => {
      if (anchor === 'left') return [x + r, y - h / 2, w, h];
      if (anchor === 'right') return [x - r - w, y - h / 2, w, h];
      if (anchor === 'top') return [x - w / 2, y + r, w, h];
      if (anchor === 'bottom') return [x - w / 2, y - r - h, w, h];
      return [x - w / 2, y - h / 2, w, h];
    };
    // the anchor MapLibre chose (for the symbol within a pixel of this point); else the first
    // that overlaps no label placed before
    const anchor =
      chosen.find((c) => c.layer === f.layer.id && Math.hypot(c.x - x, c.y - y) < 1)?.anchor ??
      anchors.find((a) => !taken.some((t) => overlaps(t, at(a)))) ??
      anchors[0]!;
    const box = at(anchor);
    taken.push(box);
    out.push({
      layer: f.layer.id,
      box,
      lines,
      lineH,
      justify: justifyOf(String(layout['text-justify'] ?? 'center'), anchor),
      fill: css(paint['text-color']) ?? '#000000',
      halo: css(paint['text-halo-color']),
      haloW: num(paint['text-halo-width'], 0),
      family: fonts.map((n) => `'${n}'`).join(', '),
      spacing,
    });
  }
  return out;
}

/** A label's halo as SVG stroke attributes, drawn under its fill (none without a halo). */
const haloAttrs = (l: { halo?: string | undefined; haloW: number }) =>
  l.halo && l.haloW
    ? {
        stroke: l.halo,
        'stroke-width': r1(2 * l.haloW),
        'stroke-linejoin': 'round',
        'paint-order': 'stroke',
      }
    : {};

/** A placed label as an SVG `<text>`, one `<tspan>` a line, its halo drawn under its fill. */
export function labelSvg(l: PlacedLabel): string {
  const [left, top, w] = l.box;
  const x = l.justify === 'start' ? left : l.justify === 'end' ? left + w : left + w / 2;
  const tspans = l.lines
    .map(
      (t, i) =>
        // the baseline about 0.8 em below the top of each line box
        `<tspan${attrs({ x: r1(x), y: r1(top + i * l.lineH + (l.lineH - t.px) / 2 + 0.82 * t.px), 'font-size': r1(t.px) })}>${xmlEscape(t.text)}</tspan>`,
    )
    .join('');
  return `<text${attrs({
    fill: l.fill,
    'font-family': l.family,
    'text-anchor': l.justify === 'start' ? undefined : l.justify,
    'letter-spacing': l.spacing ? r1(l.spacing) : undefined,
    ...haloAttrs(l),
    class: l.layer,
  })}>${tspans}</text>`;
}

/** A label MapLibre placed along a line (a river's name), drawn along the same line in SVG. */
export interface LineLabel {
  text: string;
  /** The line the text runs along, left to right, CSS px. */
  d: string;
  px: number;
  fill: string;
  halo: string | undefined;
  haloW: number;
  family: string;
}

const lengthOf = (pts: Point[]) =>
  pts.reduce(
    (n, p, i) => (i ? n + Math.hypot(p[0] - pts[i - 1]![0], p[1] - pts[i - 1]![1]) : 0),
    0,
  );

/**
 * The line labels (river names) MapLibre placed on `map`, one per name: along the longest
 * stretch of that line inside `box`, smoothed (2 px) and turned to read left to right, when the
 * stretch is long enough to carry the text. MapLibre may repeat a name along a long river; the
 * SVG names it once.
 */
export function lineLabels(
  map: MapLibreMap,
  project: Project,
  box: BoundingBox,
  measure: Measure,
  layerIds: string[],
): LineLabel[] {
  const best = new Map<string, { f: MapGeoJSONFeature; pts: Point[]; len: number }>();
  for (const f of map.queryRenderedFeatures({ layers: layerIds })) {
    const text = textLines((f.layer.layout as Paint)['text-field'], 12)
      .map((l) => l.text)
      .join(' ');
    if (!text) continue;
    for (const line of linesOf(f.geometry)) {
      for (const piece of clipPolyline(
        line.map(([lon, lat]) => project(lon!, lat!)),
        box,
      )) {
        const len = lengthOf(piece);
        if (len > (best.get(text)?.len ?? 0)) best.set(text, { f, pts: piece, len });
      }
    }
  }
  const out: LineLabel[] = [];
  for (const [text, { f, pts, len }] of best) {
    const layout = (f.layer.layout ?? {}) as Paint;
    const paint = (f.layer.paint ?? {}) as Paint;
    const px = num(layout['text-size'], 12);
    if (len < measure(text, px, false) + 2 * px) continue;
    const smooth = simplify(lineString(pts), { tolerance: 2 }).geometry.coordinates as Point[];
    const ltr = smooth[0]![0] <= smooth.at(-1)![0] ? smooth : [...smooth].reverse();
    const fonts = (layout['text-font'] as string[] | undefined) ?? ['Noto Sans Italic'];
    out.push({
      text,
      d: pathOf([ltr], false),
      px,
      fill: css(paint['text-color']) ?? '#000000',
      halo: css(paint['text-halo-color']),
      haloW: num(paint['text-halo-width'], 0),
      family: fonts.map((n) => `'${n}'`).join(', '),
    });
  }
  return out;
}

/** Line labels as SVG: each path in `<defs>`, each name a `<textPath>` centred along it. */
export function lineLabelsSvg(labels: LineLabel[]): string {
  const defs = labels.map((l, i) => `<path${attrs({ id: `line-label-${i}`, d: l.d })}/>`).join('');
  const texts = labels
    .map(
      (l, i) =>
        `<text${attrs({
          fill: l.fill,
          'font-family': l.family,
          'font-size': r1(l.px),
          'font-style': 'italic',
          'dominant-baseline': 'central',
          ...haloAttrs(l),
          class: 'line-label',
        })}><textPath${attrs({ href: `#line-label-${i}`, startOffset: '50%', 'text-anchor': 'middle' })}>${xmlEscape(l.text)}</textPath></text>`,
    )
    .join('');
  return `<defs>${defs}</defs>${texts}`;
}
