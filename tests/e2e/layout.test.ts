import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp, useBuiltApp } from './app-fixture';
import { axeViolations } from './axe';

const app = useBuiltApp();

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const open = (viewport = DESKTOP, hash = '') => openApp(app, hash, viewport);

const localTime = (page: Page) => page.getByTestId('local-time').textContent();
const kmShown = async (page: Page) =>
  Number((await page.getByTestId('km-travelled').textContent())?.replace(/[^\d.]/g, ''));

/** Every element that scrolls its own content vertically, as a CSS selector index. */
const scrollables = (page: Page) =>
  page.evaluate(() => {
    const found: number[] = [];
    document.querySelectorAll('*').forEach((el, i) => {
      const style = getComputedStyle(el);
      if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
        found.push(i);
    });
    return found;
  });

describe('the page never scrolls, only its panels', () => {
  it('wheel-scrolling every panel to its end leaves window.scrollY at 0', async () => {
    const { page, log } = await open(DESKTOP, '#t=2025-09-01T12:00:00Z');
    // open a claim so the panel is at its longest
    await page.locator('[data-claim]').first().click();
    const panels = await scrollables(page);
    expect(panels.length).toBeGreaterThan(0);
    for (const i of panels) {
      const box = await page.evaluate((i) => {
        const el = document.querySelectorAll('*')[i]!;
        const r = el.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + Math.min(r.height / 2, 40) };
      }, i);
      await page.mouse.move(box.x, box.y);
      for (let k = 0; k < 60; k++) {
        await page.mouse.wheel(0, 800);
        const atEnd = await page.evaluate((i) => {
          const el = document.querySelectorAll('*')[i]!;
          return el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
        }, i);
        if (atEnd) break;
      }
      // wheel past the end too: the page must not take over the scroll
      await page.mouse.wheel(0, 2000);
      expect(
        await page.evaluate(() => [window.scrollY, document.scrollingElement!.scrollTop]),
      ).toEqual([0, 0]);
    }
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('scrollIntoView on the last element of the panel scrolls the panel, not the page', async () => {
    const { page } = await open(DESKTOP);
    const scrolled = await page.evaluate(() => {
      const panel = document.querySelector('[data-testid="panel"] .body')!;
      const last = panel.lastElementChild!;
      last.scrollIntoView();
      document.querySelector('.visually-hidden')?.scrollIntoView();
      return {
        page: window.scrollY,
        html: document.documentElement.scrollTop,
        panel: panel.scrollTop,
      };
    });
    expect(scrolled.page).toBe(0);
    expect(scrolled.html).toBe(0);
    expect(scrolled.panel).toBeGreaterThan(0);
    await page.context().close();
  });
});

/** An element's box once it has stopped moving (two readings one animation frame apart agree). */
async function settledBox(el: Locator) {
  let last = await el.boundingBox();
  await expect
    .poll(async () => {
      await el.page().evaluate(() => new Promise(requestAnimationFrame));
      const now = await el.boundingBox();
      const same = !!now && !!last && now.x === last.x && now.y === last.y;
      last = now;
      return same;
    })
    .toBe(true);
  return last!;
}

/** How many controls (scale bar, zoom buttons, player) the attribution covers. */
function attributionOverlaps(page: Page): Promise<number> {
  return page.evaluate(() => {
    const attrib = document.querySelector('.maplibregl-ctrl-attrib')!.getBoundingClientRect();
    const controls = [
      ...document.querySelectorAll(
        '.maplibregl-ctrl-scale, .maplibregl-ctrl-group, [aria-label="Journey playback"]',
      ),
    ];
    return controls
      .map((c) => c.getBoundingClientRect())
      .filter(
        (r) =>
          r.left < attrib.right &&
          attrib.left < r.right &&
          r.top < attrib.bottom &&
          attrib.top < r.bottom,
      ).length;
  });
}

describe('attribution', () => {
  it('covers no control on a small laptop screen (1024×700), where the map is 644 px wide', async () => {
    const { page, log } = await open({ width: 1024, height: 700 });
    expect(await attributionOverlaps(page)).toBe(0);
    expect(log.errors).toEqual([]);
    await page.context().close();
  });
});

describe('on a phone (390×844)', () => {
  it('the map canvas takes at least half the screen and the attribution covers no control', async () => {
    const { page, log } = await open(PHONE);
    const canvas = await page.locator('.maplibregl-canvas').boundingBox();
    expect(canvas!.height).toBeGreaterThanOrEqual(PHONE.height / 2);
    expect(await attributionOverlaps(page)).toBe(0);
    // the attribution is folded to a button that unfolds it
    await page.locator('.maplibregl-ctrl-attrib-button').click();
    await expect
      .poll(() => page.locator('.maplibregl-ctrl-attrib').getAttribute('class'))
      .toContain('maplibregl-compact-show');
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('the panels are a sheet: a tap or a pull up opens it, a pull down closes it', async () => {
    const { page } = await open(PHONE);
    const handle = page.getByTestId('sheet-handle');
    const body = page.locator('#panel-body');
    expect(await handle.getAttribute('aria-expanded')).toBe('false');
    expect(await body.evaluate((el) => (el as HTMLElement).inert)).toBe(true);
    await handle.click();
    await expect.poll(() => handle.getAttribute('aria-expanded')).toBe('true');
    expect(await body.evaluate((el) => (el as HTMLElement).inert)).toBe(false);
    await expect.poll(() => page.getByTestId('journey-title').isVisible()).toBe(true);
    // pull it down by its handle, once it has slid up and stopped moving (a drag that starts
    // while the sheet still slides can begin off the handle)
    await expect.poll(async () => (await handle.boundingBox())!.y).toBeLessThan(200);
    let box = await settledBox(handle);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 300, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => handle.getAttribute('aria-expanded')).toBe('false');
    // and up again
    await expect.poll(async () => (await handle.boundingBox())!.y).toBeGreaterThan(700);
    box = await settledBox(handle);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y - 300, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => handle.getAttribute('aria-expanded')).toBe('true');
    // Enter on the focused handle closes it
    await handle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => handle.getAttribute('aria-expanded')).toBe('false');
    await page.context().close();
  });
});

describe('the first view', () => {
  it.each([
    ['a laptop', DESKTOP, ''],
    ['a phone', PHONE, ''],
    ['a phone, the 2019 route', PHONE, '#j=pyongyang-dongdang-2019'],
  ])('on %s shows the whole route with no label cut by an edge', async (_, viewport, hash) => {
    const { page } = await open(viewport, hash);
    const labels = await page.evaluate(() => window.journeyMap!.renderedNames('route-labels'));
    expect(labels.length).toBeGreaterThanOrEqual(2);
    // the departure keeps its name though the trains (and their labels) stand on it
    expect(labels).toContain('Pyongyang');
    expect(await page.evaluate(() => window.journeyMap!.labelsAtEdges())).toEqual([]);
    await page.close();
  });
});

describe('the dark theme', () => {
  /** Relative luminance (0 black – 1 white) of a CSS colour Chromium computed. */
  const luminance = (rgb: string) => {
    const [r, g, b] = rgb.match(/[\d.]+/g)!.map(Number) as [number, number, number];
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  };

  it('darkens the panels and the chart, with the main train drawn light on it', async () => {
    const { page } = await open(DESKTOP, '#theme=dark');
    await page.getByTestId('chart-cursor').waitFor();
    const colours = await page.evaluate(() => {
      // the colour an element stands on: its own background or its nearest ancestor's
      const bg = (el: Element | null): string => {
        for (; el; el = el.parentElement) {
          const c = getComputedStyle(el).backgroundColor;
          if (c !== 'rgba(0, 0, 0, 0)') return c;
        }
        return 'rgb(255, 255, 255)';
      };
      return {
        panel: bg(document.querySelector('h1')),
        chart: bg(document.querySelector('[data-testid="chart-cursor"]')),
        player: bg(document.querySelector('[data-testid="play"]')?.parentElement ?? null),
        text: getComputedStyle(document.querySelector('h1')!).color,
        mainLine:
          document.querySelector('[data-train="reconstructed"]')?.getAttribute('stroke') ?? '',
      };
    });
    expect(luminance(colours.panel)).toBeLessThan(0.2);
    expect(luminance(colours.chart)).toBeLessThan(0.2);
    expect(luminance(colours.player)).toBeLessThan(0.2);
    expect(luminance(colours.text)).toBeGreaterThan(0.7);
    expect(colours.mainLine).toMatch(/^#/);
    expect(
      luminance(`rgb(${[1, 3, 5].map((i) => parseInt(colours.mainLine.slice(i, i + 2), 16))})`),
    ).toBeGreaterThan(0.7);
    await page.close();
  });
});

describe('the readouts keep their space while playing', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    it(`the map keeps its size over the whole journey at ${viewport.width}×${viewport.height}`, async () => {
      const { page } = await open(viewport, '#rate=20000');
      await page.evaluate(() => {
        const w = window as unknown as { mapHeights: number[] };
        w.mapHeights = [];
        new ResizeObserver((entries) => {
          for (const e of entries) w.mapHeights.push(Math.round(e.contentRect.height));
        }).observe(document.querySelector('.maplibregl-canvas-container')!.parentElement!);
      });
      await page.getByTestId('play').click();
      await expect.poll(() => kmShown(page), { timeout: 60_000 }).toBeGreaterThan(1300);
      const heights = await page.evaluate(
        () => (window as unknown as { mapHeights: number[] }).mapHeights,
      );
      // the observer reports the size once when it starts, then only on a change
      expect(new Set(heights).size).toBe(1);
      await page.context().close();
    });
  }
});

describe('keyboard', () => {
  it('←/→/Home/End still work after clicking Loop, Follow or a ghost checkbox', async () => {
    const { page } = await open(DESKTOP);
    const boxes = [
      page.getByLabel('Loop'),
      page.getByLabel('Follow train'),
      ...(await page.locator('[data-scenario]:not([disabled])').all()),
    ];
    expect(boxes.length).toBeGreaterThanOrEqual(4);
    for (const box of boxes) {
      await box.click();
      await page.keyboard.press('End');
      await expect.poll(() => localTime(page)).toMatch(/Tue 2 Sep 16:00/);
      await page.keyboard.press('Home');
      await expect.poll(() => kmShown(page)).toBe(0);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => kmShown(page)).toBeGreaterThan(0);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => kmShown(page)).toBe(0);
    }
    await page.context().close();
  });

  it('an arrow on the time slider moves a minute and Page Up/Down an hour', async () => {
    const { page } = await open(DESKTOP, '#t=2025-09-01T12:00:00Z');
    const slider = page.getByTestId('scrub-time');
    const value = async () => Number(await slider.inputValue());
    await slider.focus();
    const t0 = await value();
    await page.keyboard.press('ArrowRight');
    await expect.poll(value).toBe(t0 + 60_000);
    await page.keyboard.press('PageUp');
    await expect.poll(value).toBe(t0 + 60_000 + 3_600_000);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(value).toBe(t0);
    await page.context().close();
  });
});

describe('axe-core', () => {
  it('finds no violation on the main view, with a claim open and with the export dialog open', async () => {
    const { page } = await open(DESKTOP);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-claim]').first().click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('open-export').click();
    await page.locator('dialog[open]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('finds no violation on a phone, with the sheet closed and open', async () => {
    const { page } = await open(PHONE);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('sheet-handle').click();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
