import { describe, expect, it } from 'vitest';
import { journeyFallback, reopenFallback, routingFallback } from './url-fallback';

describe('routingFallback', () => {
  it('routingFallback("Z", [A, B, C]) falls back to A and says so', () => {
    expect(routingFallback('Z', ['A', 'B', 'C'])).toEqual({
      routing: 'A',
      notice:
        'The link asks for routing Z, which this journey does not have (it has routing A, B and C): showing routing A.',
    });
  });

  it('falls back to the first routing when the journey has no routing A', () => {
    expect(routingFallback('C', ['B', 'D'])?.routing).toBe('B');
  });

  it('keeps a routing the journey has, and waits while the routings are unknown', () => {
    expect(routingFallback('B', ['A', 'B'])).toBeNull();
    expect(routingFallback('Z', [])).toBeNull();
  });
});

describe('journeyFallback', () => {
  const builtin = [
    { id: 'one', label: 'Journey one' },
    { id: 'two', label: 'Journey two' },
  ];

  it('names an unknown journey and the one shown instead', () => {
    expect(journeyFallback('nope', builtin)).toBe(
      'The link names a journey "nope" that this app does not have: showing Journey one.',
    );
  });

  it('says nothing for a known journey or no journey', () => {
    expect(journeyFallback('two', builtin)).toBeNull();
    expect(journeyFallback(undefined, builtin)).toBeNull();
  });

  it('leaves a link to an imported journey to be reopened from the kept copy', () => {
    expect(journeyFallback('imported', builtin)).toBeNull();
  });
});

describe('reopenFallback', () => {
  it('says why the imported journey could not be reopened and what is shown instead', () => {
    expect(reopenFallback('no imported journey is kept in this browser', 'Journey one')).toBe(
      'The imported journey could not be reopened: no imported journey is kept in this browser. Showing Journey one; import the file again to see that journey.',
    );
  });

  it('says a cancelled reopening was cancelled, not that it failed', () => {
    expect(reopenFallback('import cancelled', 'Journey one', true)).toBe(
      'Reopening the imported journey was cancelled: showing Journey one.',
    );
  });
});
