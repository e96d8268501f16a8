import { describe, expect, it } from 'vitest';
import { openPage, waitForMapReady } from '../../scripts/lib/browser';
import { useBuiltApp } from './app-fixture';

const app = useBuiltApp();

async function open(hash: string) {
  const { page, log } = await openPage(app.browser, { width: 1280, height: 800 });
  await page.goto(app.url + hash);
  await waitForMapReady(page);
  await page.getByTestId('local-time').waitFor();
  return { page, log };
}

describe('hostile URLs', () => {
  for (const hash of ['#v=Z', '#j=pyongyang-dongdang-2019&v=C']) {
    it(`${hash} falls back to routing A, says so, and the player and Export work`, async () => {
      const { page, log } = await open(hash);
      await expect
        .poll(() => page.getByTestId('notice').textContent())
        .toMatch(/which this journey does not have .*: showing routing A\./);
      expect(await page.getByTestId('play').isVisible()).toBe(true);
      expect(await page.getByTestId('open-export').isDisabled()).toBe(false);
      await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('v=');
      expect(log.errors).toEqual([]);
      await page.context().close();
    });
  }

  it('an unknown journey id opens the first journey and says so', async () => {
    const { page } = await open('#j=no-such-journey');
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toContain('The link names a journey "no-such-journey" that this app does not have');
    await page.context().close();
  });

  it('hex numbers in the hash are ignored: rate=0x10 keeps the default speed', async () => {
    const { page } = await open('#rate=0x10&map=0x10/39/118');
    expect(await page.getByTestId('rate').inputValue()).not.toBe('16');
    const zoom = await page.evaluate(() => window.journeyMap?.camera()?.zoom ?? null);
    expect(zoom).not.toBe(16);
    await page.context().close();
  });
});
