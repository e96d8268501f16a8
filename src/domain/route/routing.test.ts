import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING, onRouting, routingNames, routingsOf } from './routing';

describe('routing', () => {
  it('routingsOf(feature) is null for a feature on every routing', () => {
    expect(routingsOf({})).toBeNull();
  });

  it('onRouting(feature, routing) follows the variants list, then the single variant', () => {
    expect(onRouting({ variants: ['A', 'C'] }, 'C')).toBe(true);
    expect(onRouting({ variants: ['A', 'C'] }, 'B')).toBe(false);
    expect(onRouting({ variant: 'C' }, 'C')).toBe(true);
    // a leg only routing C takes is not on the main line
    expect(onRouting({ variant: 'C' }, DEFAULT_ROUTING)).toBe(false);
    expect(onRouting({}, 'B')).toBe(true);
  });

  it('routingNames(features) lists the named routings, or the default one', () => {
    expect(routingNames([{ variants: ['B', 'A'] }, { variant: 'C' }, {}])).toEqual(['A', 'B', 'C']);
    expect(routingNames([{}, {}])).toEqual([DEFAULT_ROUTING]);
  });
});
