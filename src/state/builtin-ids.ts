/** The ids of the journeys that ship with the app (`#j=…`), first the default one. */
export const BUILTIN_JOURNEY_IDS = ['pyongyang-beijing-2025', 'pyongyang-dongdang-2019'];

/**
 * The id the URL gives a journey imported from a file (`#j=imported`). A link cannot carry the
 * file: the app reopens the copy this browser keeps (`kept-import.ts`), and where none is kept it
 * says so and shows the first built-in journey.
 */
export const IMPORTED_JOURNEY_ID = 'imported';
