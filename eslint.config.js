import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/**
 * Layers and the directions their imports may point (see src/README.md). Each entry names a
 * folder and the layers it must not import; ESLint's no-restricted-imports enforces it.
 */
const LAYERS = ['domain', 'present', 'state', 'map', 'import', 'export', 'components'];
const ALLOWED = {
  domain: [],
  present: ['domain'],
  state: ['domain', 'present', 'import'],
  map: ['domain', 'present', 'state'],
  import: ['domain'],
  export: ['domain', 'present', 'state', 'map'],
  components: LAYERS,
};
const UI_PACKAGES = ['svelte', 'svelte/*', 'maplibre-gl', 'maplibre-gl/*'];
const layerPattern = (layer) => ({
  regex: `^\\.{1,2}/(\\.\\./)*(src/)?${layer}(/|$)`,
  message: `wrong-way import: see the layer directions in src/README.md`,
});
const outside = (name) => ({
  regex: `^(\\.{1,2}/)+${name}(/|$)`,
  message: `src/ never imports ${name}/ (tools and tests sit outside the app)`,
});
const layerRules = Object.entries(ALLOWED).map(([layer, allowed]) => ({
  files: [`src/${layer}/**/*.{ts,svelte}`],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...LAYERS.filter((l) => l !== layer && !allowed.includes(l)).map(layerPattern),
          outside('scripts'),
          outside('tests'),
          ...(['domain', 'present', 'import'].includes(layer)
            ? [{ group: UI_PACKAGES, message: `src/${layer} is free of Svelte and MapLibre` }]
            : []),
        ],
      },
    ],
  },
}));

export default ts.config(
  {
    ignores: [
      'dist/',
      'dist-bare/',
      'node_modules/',
      'public/',
      'src/domain/data/validators.generated.js',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  ...layerRules,
  {
    files: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [outside('scripts')] }] },
  },
  {
    files: ['scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^(\\.{1,2}/)+tests(/|$)', message: 'tools never import test code' }],
        },
      ],
    },
  },
);
