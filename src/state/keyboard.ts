/** What a key does in the player; undefined when the key is not the player's. */
export type PlayerAction = 'toggle' | 'prev' | 'next' | 'faster' | 'slower' | 'start' | 'end';

/** Maps a keydown to a player action, leaving keys alone while the user types in a field. */
export function playerActionFor(e: {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: EventTarget | null;
}): PlayerAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const el = e.target as { tagName?: string; isContentEditable?: boolean; type?: string } | null;
  const tag = el?.tagName?.toLowerCase();
  if (el?.isContentEditable || tag === 'textarea' || tag === 'select') return undefined;
  if (tag === 'input' && !['range', 'checkbox', 'button'].includes(el?.type ?? ''))
    return undefined;
  // a slider moves itself with the arrows, Home and End; a checkbox or button has no use for them
  const slider = tag === 'input' && el?.type === 'range';
  switch (e.key) {
    case ' ':
      return tag === 'button' || tag === 'input' ? undefined : 'toggle';
    case 'ArrowLeft':
      return slider ? undefined : 'prev';
    case 'ArrowRight':
      return slider ? undefined : 'next';
    case '+':
    case '=':
      return 'faster';
    case '-':
    case '_':
      return 'slower';
    case 'Home':
      return slider ? undefined : 'start';
    case 'End':
      return slider ? undefined : 'end';
    default:
      return undefined;
  }
}

/**
 * How far a key moves a slider, in the slider's units: an arrow moves one `step`, Page Up/Down one
 * `page`; undefined for any other key (Home and End keep their native meaning).
 */
export function sliderDelta(key: string, step: number, page: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return step;
    case 'ArrowLeft':
    case 'ArrowDown':
      return -step;
    case 'PageUp':
      return page;
    case 'PageDown':
      return -page;
    default:
      return undefined;
  }
}
