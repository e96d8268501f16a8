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
  switch (e.key) {
    case ' ':
      return tag === 'button' || tag === 'input' ? undefined : 'toggle';
    case 'ArrowLeft':
      return tag === 'input' ? undefined : 'prev';
    case 'ArrowRight':
      return tag === 'input' ? undefined : 'next';
    case '+':
    case '=':
      return 'faster';
    case '-':
    case '_':
      return 'slower';
    case 'Home':
      return tag === 'input' ? undefined : 'start';
    case 'End':
      return tag === 'input' ? undefined : 'end';
    default:
      return undefined;
  }
}
