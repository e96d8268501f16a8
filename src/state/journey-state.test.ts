import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_SPEED_KMH, JourneyState } from './journey-state.svelte';
import type { ImportedJourney } from '../domain/data/imported';
import type { Journey } from '../domain/data/journey';
import { equatorKpCn, leg } from '../../tests/fixtures/routes';

const imported = (over: Partial<ImportedJourney> = {}): ImportedJourney => ({
  name: 'Equator test',
  fileName: 'equator.geojson',
  route: equatorKpCn(),
  warnings: [],
  ...over,
});

describe('JourneyState', () => {
  it('loadImported(route without times) plays the measured km at the default constant speed', () => {
    const state = new JourneyState();
    state.loadImported(imported());
    expect(state.title).toBe('Equator test');
    expect(state.variants).toEqual(['A']);
    expect(state.current!.totalKm).toBeCloseTo(222.4, 0);
    const [scenario] = state.scenarios;
    expect(scenario!.id).toBe('constant');
    expect(scenario!.durationSec / 3600).toBeCloseTo(
      state.current!.totalKm / DEFAULT_IMPORT_SPEED_KMH,
      6,
    );
  });

  it('loadImported(route with a timeline) plays the recorded times', () => {
    const state = new JourneyState();
    state.loadImported(
      imported({
        timeline: {
          departUtcMs: Date.UTC(2025, 8, 1),
          knots: [
            { tSec: 0, km: 0 },
            { tSec: 7200, km: 222 },
          ],
        },
      }),
    );
    expect(state.scenarios.map((s) => s.id)).toEqual(['recorded']);
    expect(state.playback[0]!.kmAt(3600)).toBeCloseTo(111, 6);
  });

  it('a new import goes back to the default routing and forgets the selected claim', () => {
    const state = new JourneyState();
    const route = equatorKpCn();
    route.features.push(
      leg(
        'alt',
        'CN',
        [
          [1, 0],
          [1.5, 0.5],
          [2, 0],
        ],
        { variants: ['B'] },
      ),
    );
    for (const f of route.features)
      if (f.properties.kind === 'leg' && !f.properties.variants) f.properties.variants = ['A', 'B'];
    state.loadImported(imported({ route }));
    state.variant = 'B';
    state.selectedClaim = 'x';
    state.loadImported(imported());
    expect(state.variant).toBe('A');
    expect(state.selectedClaim).toBeNull();
  });

  it('measures each routing once and keeps the two routings apart', () => {
    const state = new JourneyState();
    const route = equatorKpCn();
    for (const f of route.features)
      if (f.properties.kind === 'leg')
        f.properties.variants = f.properties.id === 'cn' ? ['A'] : ['A', 'B'];
    route.features.push(
      leg(
        'detour',
        'CN',
        [
          [1, 0],
          [1.5, 1],
          [2, 0],
        ],
        { variants: ['B'] },
      ),
    );
    state.loadImported(imported({ route }));
    expect(state.variants).toEqual(['A', 'B']);
    expect(state.measured['B']!.totalKm).toBeGreaterThan(state.measured['A']!.totalKm);
    state.variant = 'B';
    expect(state.current).toBe(state.measured['B']);
  });

  it('loadImported(an import with a journey) shows the worker’s journey object, not a second parse', () => {
    // deliberately incomplete: parsing or validating it again would refuse it or copy it
    const journey = { id: 'fake', title: 'Parsed once, in the worker' } as Journey;
    const state = new JourneyState();
    state.loadImported(imported({ fileName: 'fake.json', journey }));
    expect(state.error).toBeNull();
    expect(state.journey).toBe(journey);
    expect(state.title).toBe('Parsed once, in the worker');
  });

  it('loadImported(a route without a journey) clears the journey shown before', () => {
    const state = new JourneyState();
    state.journey = { id: 'before', title: 'Before' } as Journey;
    state.loadImported(imported());
    expect(state.journey).toBeNull();
    expect(state.title).toBe('Equator test');
  });
});
