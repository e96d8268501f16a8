import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distance, length, lineString, point } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Point, Position } from 'geojson';
import { nearestLegFinder } from './nearest-leg';

const FILE = join(import.meta.dirname, '../../geo/routes/pyongyang-beijing.geojson');
const fc = JSON.parse(readFileSync(FILE, 'utf8')) as FeatureCollection;

interface LegProps {
  kind: 'leg';
  id: string;
  order: number;
  line: string;
  to: string;
  variants: string[];
  published_km?: number;
  source: string;
}
interface StationProps {
  kind: 'station' | 'border';
  name: string;
  variant?: string;
  source: string;
}

const legs = fc.features
  .filter((f): f is Feature<LineString, LegProps> => f.properties?.kind === 'leg')
  .sort((a, b) => a.properties.order - b.properties.order);
const stations = fc.features.filter(
  (f): f is Feature<Point, StationProps> =>
    f.properties?.kind === 'station' || f.properties?.kind === 'border',
);
const legsOf = (v: string): Feature<LineString, LegProps>[] =>
  legs.filter((l) => l.properties.variants.includes(v));
const km = (l: Feature<LineString>): number => length(l, { units: 'kilometers' });
const first = (l: Feature<LineString>): Position => l.geometry.coordinates[0]!;
const last = (l: Feature<LineString>): Position => l.geometry.coordinates.at(-1)!;

// Shenyang→Beijing totals per routing (facts file): A 859, B 706, C 824 km.
const SHENYANG_BEIJING: Record<string, number> = { A: 859, B: 706, C: 824 };

// Principal stations of the facts table (WGS84 lat, lon).
const PRINCIPAL: [string, number, number][] = [
  ['Pyongyang', 39.0047, 125.7364],
  ['Sinanju Chongnyon', 39.6011, 125.6033],
  ['Sinuiju Chongnyon', 40.107, 124.4018],
  ['Sino-Korean Friendship Bridge (border)', 40.1151, 124.3923],
  ['Dandong', 40.1219, 124.3822],
  ['Fenghuangcheng', 40.4472, 124.0511],
  ['Benxi', 41.3253, 123.7617],
  ['Shenyang', 41.7927, 123.3872],
  ['Jinzhou', 41.1222, 121.1353],
  ['Shanhaiguan', 39.9991, 119.7616],
  ['Tangshan', 39.6243, 118.1138],
  ['Tianjin', 39.1346, 117.2038],
  ['Beijing', 39.9023, 116.421],
];
// Where the data deliberately departs from the facts table, with the reason (see geo/routes/SOURCES.md).
const FACTS_DISAGREEMENT: Record<string, { maxKm: number; reason: string }> = {
  Benxi: {
    maxKm: 4,
    reason: 'facts position is Benxihu station; OSM places Benxi station 3.6 km south',
  },
};
// Principal stations on the legs built from pyongui/bridge/shendan: these must always be present.
const ALWAYS_PRESENT = new Set(PRINCIPAL.slice(0, 8).map(([n]) => n));

describe('route data (geo/routes/pyongyang-beijing.geojson)', () => {
  it('has the Pyongyang–Shenyang legs in travel order', () => {
    expect(legs.map((l) => l.properties.id).slice(0, 4)).toEqual([
      'pyongui',
      'bridge-kp',
      'bridge-cn',
      'shendan',
    ]);
  });

  it('has routing A running all the way to Beijing', () => {
    const a = legsOf('A');
    expect(a.at(-1)?.properties.to).toMatch(/Beijing/);
  });

  for (const v of ['A', 'B', 'C']) {
    it(`connects the legs of routing ${v} end to start with gaps under 50 m`, () => {
      const chain = legsOf(v);
      for (let i = 1; i < chain.length; i++) {
        const gap = distance(point(last(chain[i - 1]!)), point(first(chain[i]!)), {
          units: 'meters',
        });
        expect(gap, `${chain[i - 1]!.properties.id} → ${chain[i]!.properties.id}`).toBeLessThan(50);
      }
    });
  }

  it('places every station within 200 m of a leg of its route', () => {
    const nearestM = nearestLegFinder(legs);
    for (const s of stations) {
      const d = nearestM(s, s.properties.variant ? legsOf(s.properties.variant) : legs);
      expect(d, s.properties.name).toBeLessThan(200);
    }
  });

  for (const leg of legs.filter((l) => l.properties.published_km !== undefined)) {
    const pub = leg.properties.published_km!;
    it(`the ${leg.properties.line} leg (${leg.properties.id}) measures within 3% of its published ${pub} km`, () => {
      expect(Math.abs(km(leg) - pub) / pub).toBeLessThan(0.03);
    });
  }

  for (const [v, pub] of Object.entries(SHENYANG_BEIJING)) {
    const chain = legsOf(v).filter((l) => l.properties.order >= 50);
    const complete = chain.length > 0 && /Beijing/.test(chain.at(-1)!.properties.to);
    it.runIf(complete)(
      `routing ${v} measures within 3% of ${pub} km from Shenyang to Beijing`,
      () => {
        const total = chain.reduce((s, l) => s + km(l), 0);
        expect(Math.abs(total - pub) / pub).toBeLessThan(0.03);
      },
    );
  }

  it('keeps every coordinate within WGS84 range and the route region', () => {
    for (const f of fc.features) {
      const coords =
        f.geometry.type === 'LineString'
          ? f.geometry.coordinates
          : f.geometry.type === 'Point'
            ? [f.geometry.coordinates]
            : [];
      expect(coords.length).toBeGreaterThan(0);
      for (const [lon, lat] of coords) {
        expect(lon).toBeGreaterThan(110);
        expect(lon).toBeLessThan(130);
        expect(lat).toBeGreaterThan(35);
        expect(lat).toBeLessThan(45);
      }
    }
  });

  it('spaces the vertices of every leg no more than 5 km apart', () => {
    for (const leg of legs) {
      const c = leg.geometry.coordinates;
      for (let i = 1; i < c.length; i++) {
        expect(
          distance(point(c[i - 1]!), point(c[i]!), { units: 'kilometers' }),
          leg.properties.id,
        ).toBeLessThanOrEqual(5);
      }
      expect(km(lineString(c))).toBeGreaterThan(0);
    }
  });

  it('gives every feature a non-empty source', () => {
    for (const f of fc.features) {
      const src: unknown = f.properties?.source;
      expect(typeof src === 'string' && src.trim().length > 0, JSON.stringify(f.properties)).toBe(
        true,
      );
    }
  });

  it('places the principal stations within 1 km of the facts-file positions', () => {
    for (const [name, lat, lon] of PRINCIPAL) {
      const s =
        stations.find((f) => f.properties.name === name) ??
        stations.find((f) => f.properties.name.startsWith(`${name} `));
      if (!s) {
        expect(ALWAYS_PRESENT.has(name), `${name} is missing`).toBe(false);
        continue;
      }
      const d = distance(s, point([lon, lat]), { units: 'kilometers' });
      const limit = FACTS_DISAGREEMENT[name]?.maxKm ?? 1;
      expect(d, name).toBeLessThan(limit);
    }
  });
});
