import { describe, expect, it } from 'vitest';
import { decodeHash, encodeHash } from './url-state';

describe('URL state', () => {
  it('encodeHash(view) then decodeHash gives the same view back', () => {
    const view = {
      tMs: Date.UTC(2025, 8, 1, 18, 0, 0),
      scenarios: ['timeline', 'const-50kmh'],
      rate: 3600,
      camera: 'follow' as const,
      variant: 'B',
    };
    expect(decodeHash(encodeHash(view))).toEqual(view);
  });

  it('encodeHash(view) writes the time as a readable ISO instant', () => {
    expect(encodeHash({ tMs: Date.UTC(2025, 8, 2, 8, 0, 0) })).toBe('#t=2025-09-02T08:00:00Z');
  });

  it('decodeHash(hash) leaves out values that do not parse', () => {
    expect(decodeHash('#t=yesterday&rate=-3&cam=sideways&v=<b>')).toEqual({});
  });

  it('decodeHash(hash) reads a progress fraction and rejects one outside 0…1', () => {
    expect(decodeHash('#p=0.5')).toEqual({ progress: 0.5 });
    expect(decodeHash('#p=1.5')).toEqual({});
  });

  it('encodeHash(view) writes the map view as zoom/lat/lon and reads it back', () => {
    const map = { zoom: 7.25, lat: 39.83889, lon: 118.28226 };
    expect(encodeHash({ map })).toBe('#map=7.25/39.83889/118.28226');
    expect(decodeHash(encodeHash({ map }))).toEqual({ map });
    expect(decodeHash('#map=5/40/120/-30.5')).toEqual({
      map: { zoom: 5, lat: 40, lon: 120, bearing: -30.5 },
    });
  });

  it('decodeHash(hash) ignores a map view that is malformed or out of range', () => {
    for (const bad of [
      '7/39',
      '7/39/118/0/0',
      '30/39/118',
      '7/91/118',
      '7/39/181',
      '7//118',
      'a/b/c',
    ])
      expect(decodeHash(`#map=${bad}`), bad).toEqual({});
  });

  it('encodeHash(view) writes the theme by name and decodeHash reads it back', () => {
    expect(encodeHash({ theme: 'dark' })).toBe('#theme=dark');
    expect(decodeHash('#theme=print')).toEqual({ theme: 'print' });
  });

  it('decodeHash(hash) ignores a theme that is not a plain lower-case name', () => {
    expect(decodeHash('#theme=<b>')).toEqual({});
    expect(decodeHash('#theme=Dark')).toEqual({});
  });

  it('decodeHash("") is an empty view', () => {
    expect(decodeHash('')).toEqual({});
  });

  it('decodeHash(hash) refuses hex, binary and other non-decimal numbers', () => {
    for (const bad of ['rate=0x10', 'rate=0b11', 'rate=Infinity', 'rate=', 'p=0x1', 'p=0o0'])
      expect(decodeHash(`#${bad}`), bad).toEqual({});
    for (const bad of ['0x10/39/118', '7/0x27/118', '7/39/0x76', '7/39/118/0x10'])
      expect(decodeHash(`#map=${bad}`), bad).toEqual({});
    expect(decodeHash('#rate=1e3&p=.5&map=7/-39.5/118')).toEqual({
      rate: 1000,
      progress: 0.5,
      map: { zoom: 7, lat: -39.5, lon: 118 },
    });
  });
});

describe('the embed flag', () => {
  it('decodeHash reads #embed alone, with a value, or among other fields, and embed=0 as off', () => {
    expect(decodeHash('#embed').embed).toBe(true);
    expect(decodeHash('#embed=1').embed).toBe(true);
    expect(decodeHash('#t=2025-09-02T08:00:00Z&embed').embed).toBe(true);
    expect(decodeHash('#embed=0').embed).toBeUndefined();
    expect(decodeHash('#t=2025-09-02T08:00:00Z').embed).toBeUndefined();
  });

  it('encodeHash writes embed=1 only for an embedded view', () => {
    expect(encodeHash({ embed: true, rate: 60 })).toBe('#rate=60&embed=1');
    expect(encodeHash({ rate: 60 })).toBe('#rate=60');
  });
});
