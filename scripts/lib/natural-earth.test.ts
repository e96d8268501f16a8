import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import {
  processMarine,
  processPlaces,
  processRivers,
  type NeCollection,
  type Overrides,
} from './natural-earth';

const geo = (name: string) =>
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, '..', '..', 'geo', 'basemap', `${name}.geojson`),
      'utf8',
    ),
  ) as FeatureCollection;
const names = (fc: FeatureCollection) => fc.features.map((f) => f.properties?.name as string);
const named = (fc: FeatureCollection, name: string) =>
  fc.features.find((f) => f.properties?.name === name);

const line = (props: Record<string, unknown>): NeCollection['features'][number] => ({
  type: 'Feature',
  properties: props,
  geometry: {
    type: 'LineString',
    coordinates: [
      [124.3, 40.0],
      [124.5, 40.2],
      [124.9, 40.4],
    ],
  },
});
const NO_OVERRIDES: Overrides = { rivers: {}, marine: {}, marineAdded: [], countries: {} };

describe('the processed Natural Earth copy in geo/basemap', () => {
  it('keeps the rivers the route crosses, with the Yalu labelled in three languages', () => {
    const rivers = geo('rivers');
    for (const r of ['Yalu', 'Liao', 'Hai', 'Luan', 'Daling', 'Yongding'])
      expect(names(rivers)).toContain(r);
    expect(named(rivers, 'Yalu')?.properties).toMatchObject({
      label: 'Yalu / Amnok 鸭绿江 / 압록강',
      minzoom: 5,
    });
  });

  it('keeps the seas and bays along the route, Bo Hai under its English name', () => {
    const marine = geo('marine');
    for (const m of ['Bohai Sea', 'Korea Bay', 'Liaodong Bay', 'Yellow Sea'])
      expect(names(marine)).toContain(m);
    expect(names(marine)).not.toContain('Bo Hai');
  });

  it('keeps the cities along the route with English and local names (Shenyang, not Shenyeng)', () => {
    const places = geo('places');
    expect(named(places, 'Shenyang')?.properties?.name_local).toBe('沈阳');
    expect(named(places, 'Dandong')?.properties?.name_local).toBe('丹东');
    expect(named(places, 'Pyongyang')?.properties?.name_local).toBe('평양');
    expect(names(places)).toContain('Sinuiju');
    expect(names(places)).not.toContain('Shenyeng');
  });

  it('keeps the Supung reservoir on the Yalu', () => {
    expect(names(geo('lakes'))).toContain('Supung Reservoir');
  });
});

describe('processing', () => {
  it('processRivers drops lake centre lines and unnamed geometry of no extent', () => {
    const fc: NeCollection = {
      type: 'FeatureCollection',
      features: [
        line({ featurecla: 'River', name: 'Yalu', min_zoom: 7, min_label: 8, scalerank: 8 }),
        line({ featurecla: 'Lake Centerline', name: 'Yalu', min_zoom: 7 }),
        { type: 'Feature', properties: { featurecla: 'River' }, geometry: null },
      ],
    };
    const out = processRivers(fc, {});
    expect(out).toHaveLength(1);
    expect(out[0]!.properties).toMatchObject({ name: 'Yalu', minzoom: 7, labelzoom: 8, rank: 8 });
  });

  it('processRivers applies an override: local name, label, earlier zoom, rank', () => {
    const fc: NeCollection = {
      type: 'FeatureCollection',
      features: [line({ featurecla: 'River', name: 'Huang', name_en: 'Yellow', min_zoom: 3 })],
    };
    const out = processRivers(fc, {
      Yellow: { name: 'Yellow River', name_local: '黄河', rank: 2 },
    });
    expect(out[0]!.properties).toMatchObject({
      name: 'Yellow River',
      name_local: '黄河',
      label: 'Yellow River 黄河',
      rank: 2,
    });
  });

  it("processPlaces takes a station's local name over Natural Earth's and orders by rank", () => {
    const place = (NAME: string, extra: Record<string, unknown>): Feature => ({
      type: 'Feature',
      properties: { NAME, NAME_EN: NAME, min_zoom: 5, POP_MAX: 1, ...extra },
      geometry: { type: 'Point', coordinates: [123.4, 41.8] },
    });
    const fc = {
      type: 'FeatureCollection',
      features: [
        place('Tieling', { SCALERANK: 7, ADM0_A3: 'CHN', NAME_ZH: '铁岭' }),
        place('Shenyang', { SCALERANK: 2, ADM0_A3: 'CHN', NAME_ZH: '瀋陽' }),
        place('Berlin', { SCALERANK: 0, ADM0_A3: 'DEU', NAME_DE: 'Berlin' }),
      ],
    } as NeCollection;
    const out = processPlaces(fc, [{ name: 'Shenyang', name_local: '沈阳' }]);
    expect(out.map((f) => f.properties?.name)).toEqual(['Berlin', 'Shenyang', 'Tieling']);
    expect(out.map((f) => f.properties?.name_local)).toEqual([undefined, '沈阳', '铁岭']);
  });

  it('processMarine adds the bays Natural Earth lacks, with the project-placed label point', () => {
    const out = processMarine(
      { type: 'FeatureCollection', features: [] },
      {
        ...NO_OVERRIDES,
        marineAdded: [
          {
            name: 'Korea Bay',
            kind: 'bay',
            coordinates: [123.9, 39.2],
            minzoom: 4.5,
            maxzoom: 10,
          },
        ],
      },
    );
    expect(out[0]!.geometry.coordinates).toEqual([123.9, 39.2]);
    expect(out[0]!.properties).toMatchObject({ name: 'Korea Bay', minzoom: 4.5 });
  });
});
