// Every page of the web UI checked the way DOS-lagen asks (WCAG 2.1 A and AA): axe-core run in Chromium on each
// page at 1280 and 375 px must find nothing; the pages work from the keyboard alone (visible focus, the PDF
// viewer's controls and the charts' tables reachable); date fields take ÅÅÅÅ-MM-DD whatever the browser's locale.
// Each page is photographed at both widths into test/artifacts/ for a person to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './browser.ts';
import { startArchiveServer, type ArchiveServer } from './archive-server.ts';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let server: ArchiveServer;
let browser: Browser;
let protocolId: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  [server, browser] = await Promise.all([startArchiveServer(), launchBrowser()]);
  const { protocols } = (await (await fetch(`${server.base}/api/protocols?source=real&sort=date&order=asc`)).json()) as { protocols: Array<{ id: string }> };
  protocolId = protocols[0].id;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Every page, with what shows it has finished loading. */
function pages(): Array<{ name: string; path: string; ready: string }> {
  return [
    { name: 'oversikt', path: '/', ready: 'section[aria-labelledby="open-heading"] table' },
    { name: 'sok-tom', path: '/sok', ready: 'h1' },
    { name: 'sok-traffar', path: '/sok?q=sjukfr%C3%A5nvaro', ready: '.hit' },
    { name: 'protokoll-pdf', path: `/protokoll/${protocolId}?avsnitt=3`, ready: '.pdf-viewer[data-page] canvas' },
    { name: 'trender-alla', path: '/trender', ready: '[data-chart] svg.marks' },
    { name: 'fragor-alla', path: '/fragor', ready: '.question-card' },
    { name: 'balanslista-tom', path: '/balanslista', ready: '.empty' },
    { name: 'balanslista', path: `/balanslista?forvaltning=${encodeURIComponent('Hägersten-Älvsjö')}&meeting=2024-04-16`, ready: '.balance-item' },
    { name: 'arkiv-lista', path: '/arkiv', ready: 'section[aria-labelledby="report-heading"] table' },
    { name: 'hittas-inte', path: '/finns-inte', ready: 'h1' },
  ];
}

async function open(path: string, width: number, ready: string): Promise<Page> {
  const page = await browser.open(width);
  await page.goto(`${server.base}${path}`);
  await page.waitForSelector(ready, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  return page;
}

/** axe-core's WCAG 2.1 A/AA violations on the page, one line each with the elements that fail. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy (no inline scripts) stays on.
  await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_21_AA);
}

/** Presses Tab until `found` holds for the focused element; the number of presses, or -1 after `limit`. */
async function tabTo(page: Page, found: (page: Page) => Promise<boolean>, limit = 150): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await found(page)) return presses;
  }
  return -1;
}

const focusedText = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? '');

describe('accessibility (WCAG 2.1 AA)', () => {
  for (const width of [1280, 375]) {
    it(`finds no WCAG 2.1 A or AA violation with axe-core on any page at ${width} px`, async () => {
      const found: string[] = [];
      for (const { name, path, ready } of pages()) {
        const page = await open(path, width, ready);
        found.push(...(await violations(page)).map((v) => `${path}: ${v}`));
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: height <= 4000 });
        await page.close();
      }
      expect(found).toEqual([]);
    }, 240_000);
  }

  it('starts with a skip link and shows where the focus is', async () => {
    const page = await open('/', 1280, 'h1');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Hoppa till innehållet');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it("reaches the PDF viewer's controls and turns its page with the keyboard alone", async () => {
    const page = await open(`/protokoll/${protocolId}`, 1280, '.pdf-viewer[data-page] canvas');
    const presses = await tabTo(page, async (p) => (await p.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '')).includes('Nästa sida'));
    expect(presses, 'Tab presses to "Nästa sida"').toBeGreaterThan(0);
    const before = await page.locator('.pdf-viewer').getAttribute('data-page');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.pdf-viewer').getAttribute('data-page')).not.toBe(before);
    await page.close();
  });

  it("opens a trend chart's table alternative from the keyboard", async () => {
    const page = await open('/trender', 1280, '[data-chart="topic-over-time"] svg.marks');
    const presses = await tabTo(page, async (p) => (await focusedText(p)) === 'Visa som tabell');
    expect(presses).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    const table = page.locator('figure[aria-labelledby="topic-over-time-title"] details[open] table');
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('takes dates as ÅÅÅÅ-MM-DD in a text field (not the browser-local date picker) and names what is wrong with others', async () => {
    const page = await open('/arkiv', 375, 'section[aria-labelledby="protocols-heading"] tbody tr');
    const from = page.getByLabel('Från och med');
    expect(await from.getAttribute('type')).toBe('text');
    expect(await from.getAttribute('placeholder')).toBe('ÅÅÅÅ-MM-DD');
    await from.fill('03/12/2024');
    await from.press('Enter');
    await page.getByText('”03/12/2024” är inget datum').waitFor();
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).searchParams.get('from')).toBeNull();
    await from.fill('2024-3-5');
    await from.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('from') === '2024-03-05');
    expect(await page.getByLabel('Från och med').inputValue()).toBe('2024-03-05');
    await page.close();
  });

  it('wrote no errors to the browser console on any page', () => {
    expect(browser.errors).toEqual([]);
  });
});
