/** The ids of the journeys that ship with the app (`#j=…`), first the default one. */
export const BUILTIN_JOURNEY_IDS = ['pyongyang-beijing-2025', 'pyongyang-dongdang-2019'];
