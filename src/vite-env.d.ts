/// <reference types="svelte" />
/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

/** The build's label (vite.config.ts): the package version or JOURNEY_MAP_BUILD. */
declare const __JOURNEY_MAP_BUILD__: string;
