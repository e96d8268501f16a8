import { describe, expect, it } from 'vitest';
import { playerActionFor, sliderDelta } from './keyboard';

const on = (tagName: string, type?: string) => ({ tagName, type }) as unknown as EventTarget;

describe('playerActionFor', () => {
  it('maps Space, arrows, +/− and Home/End on the page to player actions', () => {
    const body = on('BODY');
    expect(playerActionFor({ key: ' ', target: body })).toBe('toggle');
    expect(playerActionFor({ key: 'ArrowLeft', target: body })).toBe('prev');
    expect(playerActionFor({ key: 'ArrowRight', target: body })).toBe('next');
    expect(playerActionFor({ key: '+', target: body })).toBe('faster');
    expect(playerActionFor({ key: '-', target: body })).toBe('slower');
    expect(playerActionFor({ key: 'Home', target: body })).toBe('start');
    expect(playerActionFor({ key: 'End', target: body })).toBe('end');
  });

  it('leaves keys alone while the user types in a text field', () => {
    expect(playerActionFor({ key: ' ', target: on('INPUT', 'text') })).toBeUndefined();
    expect(playerActionFor({ key: '-', target: on('INPUT', 'number') })).toBeUndefined();
  });

  it('lets a focused button handle Space itself and a slider handle the arrows', () => {
    expect(playerActionFor({ key: ' ', target: on('BUTTON') })).toBeUndefined();
    expect(playerActionFor({ key: 'ArrowLeft', target: on('INPUT', 'range') })).toBeUndefined();
  });

  it('keeps the arrows, Home and End for the player while a checkbox or button has focus', () => {
    for (const target of [on('INPUT', 'checkbox'), on('BUTTON')]) {
      expect(playerActionFor({ key: 'ArrowLeft', target })).toBe('prev');
      expect(playerActionFor({ key: 'ArrowRight', target })).toBe('next');
      expect(playerActionFor({ key: 'Home', target })).toBe('start');
      expect(playerActionFor({ key: 'End', target })).toBe('end');
    }
  });

  it('ignores keys with modifiers', () => {
    expect(playerActionFor({ key: '+', ctrlKey: true, target: on('BODY') })).toBeUndefined();
  });
});

describe('sliderDelta', () => {
  it('moves one step per arrow and one page per Page Up/Down', () => {
    expect(sliderDelta('ArrowRight', 60_000, 3_600_000)).toBe(60_000);
    expect(sliderDelta('ArrowDown', 60_000, 3_600_000)).toBe(-60_000);
    expect(sliderDelta('PageUp', 60_000, 3_600_000)).toBe(3_600_000);
    expect(sliderDelta('PageDown', 60_000, 3_600_000)).toBe(-3_600_000);
  });

  it('leaves Home, End and other keys to the slider', () => {
    expect(sliderDelta('Home', 1, 10)).toBeUndefined();
    expect(sliderDelta('a', 1, 10)).toBeUndefined();
  });
});
