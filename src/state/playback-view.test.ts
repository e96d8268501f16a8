import { describe, expect, it } from 'vitest';
import { JourneyState } from './journey-state.svelte';
import { Player } from './player.svelte';
import { PlaybackView } from './playback-view.svelte';
import { equatorKpCn, station } from '../../tests/fixtures/routes';

function view() {
  const journey = new JourneyState();
  const route = equatorKpCn();
  route.features.push(station('A', [0, 0]), station('B', [2, 0]));
  journey.loadImported({ name: 'Equator', fileName: 'e.geojson', route, warnings: [] });
  const player = new Player();
  const v = new PlaybackView(journey, player);
  player.setRange(...v.range);
  return { journey, player, v };
}

describe('PlaybackView', () => {
  it('its range runs from the main train’s departure to its arrival', () => {
    const { v } = view();
    const main = v.main!;
    expect(v.range).toEqual([main.departUtcMs, main.departUtcMs + main.durationSec * 1000]);
  });

  it('trainsAt(t) puts the main train at the km its schedule gives, half way at half time', () => {
    const { v, journey } = view();
    const [start, end] = v.range;
    const [train] = v.trainsAt((start + end) / 2);
    expect(train!.main).toBe(true);
    expect(train!.km).toBeCloseTo(journey.current!.totalKm / 2, 6);
  });

  it('the moving features follow the player clock', () => {
    const { v, player } = view();
    const [start, end] = v.range;
    player.seek(end);
    const atEnd = v.moving.features.at(-1)!.geometry;
    player.seek(start);
    const atStart = v.moving.features.at(-1)!.geometry;
    expect(atEnd).toEqual({ type: 'Point', coordinates: [2, 0] });
    expect(atStart).toEqual({ type: 'Point', coordinates: [0, 0] });
  });

  it('step(1) moves to the next station tick, step(-1) back', () => {
    const { v, player } = view();
    const [start] = v.range;
    player.seek(start);
    v.step(1);
    const border = player.clock.tMs;
    expect(border).toBeGreaterThan(start);
    expect(v.readouts!.km).toBeCloseTo(v.journey.current!.totalKm / 2, 0);
    v.step(-1);
    expect(player.clock.tMs).toBe(start);
  });

  it('seekKm(km) moves the clock to the instant the main train passes that km', () => {
    const { v, player } = view();
    v.seekKm(50);
    expect(v.readouts!.km).toBeCloseTo(50, 3);
    expect(player.clock.tMs).toBeGreaterThan(v.range[0]);
  });
});
