import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RouteCollection } from '../domain/route/route';
import { endStations, mapData } from './route-layers';

const route = (name: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../geo/routes/${name}.geojson`), 'utf8'),
  ) as RouteCollection;

describe('endStations', () => {
  it.each([
    ['pyongyang-beijing', ['Beijing', 'Pyongyang']],
    ['pyongyang-dongdang-2019', ['Dong Dang', 'Pyongyang']],
  ])('finds where %s starts and ends', (name, ends) => {
    // one station feature per routing where routings end at the same place
    const names = new Set([...endStations(route(name))].map((s) => s.properties.name));
    expect([...names].sort()).toEqual(ends);
  });

  it('marks those stations, and only them, as termini for the map', () => {
    const marked = mapData(route('pyongyang-beijing')).features.filter(
      (f) => f.properties?.terminus === true,
    );
    expect([...new Set(marked.map((f) => f.properties!.name))].sort()).toEqual([
      'Beijing',
      'Pyongyang',
    ]);
  });
});
