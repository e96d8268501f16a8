import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer directions of src/README.md, as eslint.config.js enforces them.
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rule (eslint no-restricted-imports)', { timeout: 60_000 }, () => {
  it('refuses a wrong-way import from the domain into the map glue', async () => {
    const found = await restricted(
      'src/domain/route/example.ts',
      "import { COLORS } from '../../map/style';\nexport const c = COLORS;\n",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/wrong-way import/);
  });

  it('refuses Svelte and MapLibre in the domain', async () => {
    const found = await restricted(
      'src/domain/time/example.ts',
      "import { untrack } from 'svelte';\nexport const u = untrack;\n",
    );
    expect(found[0]).toMatch(/free of Svelte and MapLibre/);
  });

  it('refuses app code importing the tools or the tests', async () => {
    const code = "import { launch } from '../../scripts/lib/browser';\nexport const l = launch;\n";
    expect(await restricted('src/export/example.ts', code)).toHaveLength(1);
    const tools = "import { x } from '../tests/fixtures/routes';\nexport const y = x;\n";
    expect(await restricted('scripts/example.ts', tools)).toHaveLength(1);
  });

  it('allows the inward directions: state reads the domain, export reads the map', async () => {
    expect(
      await restricted(
        'src/state/example.ts',
        "import { DEFAULT_ROUTING } from '../domain/route/routing';\nexport const d = DEFAULT_ROUTING;\n",
      ),
    ).toEqual([]);
    expect(
      await restricted(
        'src/export/example.ts',
        "import { COLORS } from '../map/style';\nexport const c = COLORS;\n",
      ),
    ).toEqual([]);
  });
});
