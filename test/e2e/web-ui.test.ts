// The web UI in a real browser against the real server and a real archive of the test corpus: what a union
// representative sees when searching, opening a protocol beside its PDF, reading trends and following questions.
// Every page is also photographed at 1280 px and 375 px into test/artifacts/ for a person to look at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './browser.ts';
import { ADMIN_TOKEN, serve, startArchiveServer, type ArchiveServer } from './archive-server.ts';
import { HOSTILE_TEXT, hostileProtocolPdf } from './hostile-protocol.ts';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
/** A corpus protocol whose last page is a scan: the upload that goes through OCR. */
const SCANNED_UPLOAD = new URL('../fixtures/scanned/hagersten-alvsjo-fvg-2024-03-12-last-page-scanned.pdf', import.meta.url).pathname;
const WIDTHS = [1280, 375] as const;

let server: ArchiveServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  [server, browser] = await Promise.all([startArchiveServer(), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function visit(path: string, width: number = 1280): Promise<Page> {
  const page = await browser.open(width);
  await page.goto(`${server.base}${path}`);
  return page;
}

/** Photographs `path` at both widths once `ready` is on the page. */
async function photograph(name: string, path: string, ready: string): Promise<void> {
  for (const width of WIDTHS) {
    const page = await visit(path, width);
    await page.waitForSelector(ready, { timeout: 30_000 });
    // Let charts and the PDF page settle before the picture.
    await page.waitForLoadState('networkidle');
    // Long pages (a whole protocol) are photographed as the reader first sees them, short ones whole.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: height <= 3000 });
    await page.close();
  }
}

/** The first hit on the page whose snippet has marks. */
async function firstMarkedHit(page: Page): Promise<Locator> {
  await page.waitForSelector('.hit');
  const hit = page.locator('.hit').filter({ has: page.locator('.snippet mark') });
  expect(await hit.count(), 'a hit with marks on the first page').toBeGreaterThan(0);
  return hit.first();
}

function order(ascending: string[], direction: string | null): string[] {
  return direction === 'desc' ? [...ascending].reverse() : ascending;
}

/** The count of a Källa choice: "Verkliga protokoll (1 234 träffar)" → 1234. */
function hitCount(label: string): number {
  return Number(/\(([\d\s]+) träff(?:ar)?\)$/.exec(label)?.[1].replace(/\s/g, ''));
}

function resultCount(text: string | null): number {
  return Number((text ?? '').replace(/\s/g, '').match(/^\d+/)?.[0] ?? NaN);
}

describe('the web UI', () => {
  it('finds a corpus section for "sjukfrånvaro" on the first page once "Verkliga protokoll" is chosen, "sjukfrånvaron" marked', async () => {
    const page = await visit('/sok');
    await page.getByLabel('Sökord').fill('sjukfrånvaro');
    await page.getByLabel('Sökord').press('Enter');
    await page.waitForSelector('.hit');
    expect(new URL(page.url()).searchParams.get('q')).toBe('sjukfrånvaro');
    const before = resultCount(await page.locator('.result-count').textContent());
    const source = page.getByRole('group', { name: 'Källa' });
    expect(await source.getByRole('radio', { name: /^Alla protokoll/ }).isChecked()).toBe(true);
    // The counts are hits, as the label says ("Verkliga protokoll (74 träffar)"), not protocols.
    const real = source.getByRole('radio', { name: /^Verkliga protokoll \([\d\s]+ träff(ar)?\)$/ });
    const realText = (await source.locator('label[for="f-source-real"]').textContent()) ?? '';
    const realCount = hitCount(realText);
    expect(realCount).toBeGreaterThan(0);
    expect(realCount).toBeLessThan(before);

    await real.check();
    await page.waitForURL((url) => url.searchParams.get('source') === 'real' && url.searchParams.get('q') === 'sjukfrånvaro');
    await page.waitForFunction((n) => {
      const text = document.querySelector('.result-count')?.textContent ?? '';
      return Number(text.replace(/\s/g, '').match(/^\d+/)?.[0]) === n;
    }, realCount);
    expect(await page.locator('#f-source-real').isChecked()).toBe(true);
    // The other choice keeps its count: what choosing it would show.
    const generatedText = (await page.locator('label[for="f-source-synthetic"]').textContent()) ?? '';
    expect(hitCount(generatedText)).toBe(before - realCount);
    expect(await page.locator('.hit .synthetic').count()).toBe(0);
    const marks = await (await firstMarkedHit(page)).locator('.snippet mark').allTextContents();
    expect(marks.map((mark) => mark.toLocaleLowerCase('sv-SE'))).toContain('sjukfrånvaron');
    await page.close();
    await photograph('sok', '/sok?q=sjukfr%C3%A5nvaro', '.hit');
    await photograph('sok-verkliga', '/sok?q=sjukfr%C3%A5nvaro&source=real', '.hit');
  });

  it('offers archive words while typing, and one can be picked with the keyboard', async () => {
    const page = await visit('/sok');
    const box = page.getByLabel('Sökord');
    await box.pressSequentially('sjukfr', { delay: 30 });
    const options = page.getByRole('option');
    await options.first().waitFor();
    const first = (await options.first().textContent()) ?? '';
    expect(first.toLocaleLowerCase('sv-SE').startsWith('sjukfr')).toBe(true);
    await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe('q-suggestion-0');
    await box.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === first);
    await page.waitForSelector('.hit, .empty');
    await page.close();
  });

  it('narrows the hits when a party filter is chosen', async () => {
    const page = await visit('/sok?q=arbetsgivaren');
    await page.waitForSelector('.hit');
    const before = resultCount(await page.locator('.result-count').textContent());
    const options = await page.locator('#f-party option').evaluateAll((nodes) =>
      nodes.map((node) => ({ value: (node as HTMLOptionElement).value, text: node.textContent ?? '' })),
    );
    const narrower = options.find((option) => option.value && Number(/\((\d+)\)$/.exec(option.text)?.[1]) < before);
    expect(narrower, `a party with fewer hits than ${before}`).toBeDefined();
    await page.selectOption('#f-party', narrower!.value);
    await page.waitForURL((url) => url.searchParams.get('party') === narrower!.value);
    await page.waitForFunction((n) => {
      const text = document.querySelector('.result-count')?.textContent ?? '';
      return Number(text.replace(/\s/g, '').match(/^\d+/)?.[0]) < n;
    }, before);
    const after = resultCount(await page.locator('.result-count').textContent());
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    await page.close();
  });

  it('opens a hit as the protocol with its PDF at the page of the hit, the searched words marked on it', async () => {
    const page = await visit('/sok?q=sjukfr%C3%A5nvaro&source=real');
    const hit = await firstMarkedHit(page);
    const hitPage = Number(/sida (\d+)/.exec((await hit.locator('.hit-section').textContent()) ?? '')?.[1]);
    expect(hitPage).toBeGreaterThan(0);
    await hit.locator('h3 a').click();
    await page.waitForURL(/\/protokoll\//);
    await page.waitForSelector('.pdf-viewer[data-page]');
    expect(await page.locator('.pdf-viewer').getAttribute('data-page')).toBe(String(hitPage));
    expect(await page.locator('#pdf-page').inputValue()).toBe(String(hitPage));
    expect(await page.locator('.textLayer mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.protocol-section.current').count()).toBe(1);
    await expect.poll(() => page.locator('h1').textContent()).not.toBe('');
    const url = new URL(page.url());

    const narrow = await page.locator('.pdf-page canvas').boundingBox();
    await page.getByRole('button', { name: 'Förstora' }).click();
    await expect.poll(async () => (await page.locator('.pdf-page canvas').boundingBox())?.width).toBeGreaterThan(narrow!.width * 1.4);
    expect(await page.locator('.pdf-viewer').getAttribute('data-page')).toBe(String(hitPage));
    await page.close();
    await photograph('protokoll', url.pathname + url.search, '.pdf-viewer[data-page]');
  });

  it('draws the trend charts as SVG', async () => {
    const page = await visit('/trender');
    await page.waitForFunction(() => document.querySelectorAll('[data-chart] svg.marks').length >= 4, null, { timeout: 30_000 });
    expect(await page.locator('[data-chart] .error').count()).toBe(0);
    await page.waitForSelector('.emerging li, #emerging-title ~ div p');

    await page.selectOption('#f-forvaltning', 'Skärholmen');
    await page.waitForURL((url) => url.searchParams.get('forvaltning') === 'Skärholmen');
    // The line chart is redrawn with Skärholmen's line only.
    await page.waitForFunction(() => {
      const legend = document.querySelector('[data-chart="topic-over-time"] svg.marks')?.textContent ?? '';
      return legend.includes('Skärholmen') && !legend.includes('Hägersten-Älvsjö');
    }, null, { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-chart] svg.marks').length >= 4, null, { timeout: 30_000 });
    await page.close();
    await photograph('trender', '/trender', '[data-chart] svg.marks');
  });

  it("lists Saco's deferred questions from January 2024 as open, open questions first", async () => {
    const page = await visit('/fragor');
    await page.waitForSelector('.question-card');
    expect(await page.locator('.question-card').first().locator('.current-open').count()).toBe(1);
    await page.selectOption('#f-party', 'Saco');
    await page.waitForURL((url) => url.searchParams.get('party') === 'Saco');
    await page.waitForFunction(() => {
      const badges = [...document.querySelectorAll('.question-card .party-badge')];
      return badges.length > 0 && badges.every((badge) => badge.textContent === 'Saco');
    });
    const openFromJanuary = page
      .locator('.question-card')
      .filter({ hasText: '13 januari 2024' })
      .filter({ has: page.locator('.current-open') });
    expect(await openFromJanuary.count()).toBeGreaterThanOrEqual(5);
    const csv = await page.getByRole('link', { name: 'Exportera till CSV' }).getAttribute('href');
    expect(csv).toBe('/api/questions.csv?party=Saco&sort=open-first&delimiter=semicolon');
    const xlsx = await page.getByRole('link', { name: 'Exportera till Excel' }).getAttribute('href');
    expect(xlsx).toBe('/api/questions.xlsx?party=Saco&sort=open-first');

    await page.selectOption('#f-source', 'synthetic');
    await page.waitForURL((url) => url.searchParams.get('source') === 'synthetic' && url.searchParams.get('party') === 'Saco');
    await page.waitForFunction(() => {
      const cards = [...document.querySelectorAll('.question-card')];
      return cards.length > 0 && cards.every((card) => card.querySelector('.synthetic')?.textContent === 'Syntetiskt');
    });
    await page.selectOption('#f-source', 'real');
    await page.waitForURL((url) => url.searchParams.get('source') === 'real');
    await page.waitForFunction(() => {
      const cards = [...document.querySelectorAll('.question-card')];
      return cards.length > 0 && cards.every((card) => !card.querySelector('.synthetic'));
    });
    expect(await openFromJanuary.count()).toBeGreaterThanOrEqual(5);
    await page.close();
    await photograph('fragor', '/fragor', '.question-card');
  });

  it('shows markup inside a protocol as text, both in the protocol and in search snippets', async () => {
    const file = join(tmpdir(), `planterad-markup-${process.pid}.pdf`);
    writeFileSync(file, await hostileProtocolPdf());
    const page = await visit('/arkiv');
    await page.waitForSelector('#upload-file:not([disabled])');
    await page.setInputFiles('#upload-file', file);
    await page.fill('#upload-token', ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Ladda upp' }).click();
    await page.getByRole('link', { name: 'Öppna protokollet' }).click();
    await page.waitForURL(/\/protokoll\//);
    await page.getByText(HOSTILE_TEXT, { exact: false }).first().waitFor();
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    // The search index takes in new protocols within seconds, not at once: search again until it has.
    await expect
      .poll(
        async () => {
          await page.goto(`${server.base}/sok?q=nyhetsbrevet`);
          await page.waitForSelector('.hit, .empty');
          return page.locator('.hit').count();
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBeGreaterThan(0);
    expect(await page.locator('.hit .snippet').first().textContent()).toContain('<img src=x');
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.close();
  });

  it('shows the archive with its ingest report, naming why each bad file failed', async () => {
    const page = await visit('/arkiv');
    await page.waitForSelector('#report-heading');
    const report = page.locator('section[aria-labelledby="report-heading"]');
    await expect.poll(() => report.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
    expect(await report.textContent()).toContain('Lösenordsskyddad');
    const list = page.locator('section[aria-labelledby="protocols-heading"]');
    expect(await list.locator('tbody tr').filter({ hasText: 'hagersten-alvsjo-fvg-2024-01-13.pdf' }).locator('.synthetic').count()).toBe(0);
    expect(await list.locator('tbody tr .synthetic').count()).toBeGreaterThan(0);

    await page.selectOption('#f-source', 'real');
    await page.waitForURL((url) => url.searchParams.get('source') === 'real');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('section[aria-labelledby="protocols-heading"] tbody tr')];
      return rows.length > 0 && rows.every((row) => !row.querySelector('.synthetic'));
    });
    expect(await list.locator('tbody tr').filter({ hasText: 'hagersten-alvsjo-fvg-2024-01-13.pdf' }).count()).toBe(1);
    await page.close();
    await photograph('arkiv', '/arkiv', 'section[aria-labelledby="report-heading"] table');
  });

  it('sorts the protocol list by förvaltning when its column header is chosen', async () => {
    const page = await visit('/arkiv');
    const rows = page.locator('section[aria-labelledby="protocols-heading"] tbody tr');
    await rows.first().waitFor();
    await page.getByRole('link', { name: 'Sortera på förvaltning' }).click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'forvaltning');
    await page.waitForFunction(() => document.querySelector('th[aria-sort]')?.textContent?.startsWith('Förvaltning'));
    await rows.first().waitFor();
    const column = (await rows.locator('td:nth-child(2)').allTextContents()).filter((name) => name !== '–');
    const sorted = [...column].sort((a, b) => a.localeCompare(b, 'sv'));
    expect(column).toEqual(order(sorted, new URL(page.url()).searchParams.get('order')));
    await page.close();
  });

  it('says uploads are off when the server has no admin token', async () => {
    const withoutToken = await serve(server.store, server.dataDir, server.webDir);
    try {
      const page = await browser.open(1280);
      await page.goto(`${withoutToken.base}/arkiv`);
      await page.getByText('Uppladdning är avstängd').waitFor();
      expect(await page.getByRole('button', { name: 'Ladda upp' }).isDisabled()).toBe(true);
      await page.close();
    } finally {
      await withoutToken.stop();
    }
  });

  it('uploads a scanned protocol: "läses med OCR" at once, then marked "Text tolkad med OCR" in Arkiv, Protokoll and Sök', async () => {
    const page = await visit('/arkiv');
    await page.setInputFiles('#upload-file', SCANNED_UPLOAD);
    await page.fill('#upload-token', ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Ladda upp' }).click();
    await page.getByText(/läses med OCR/).first().waitFor({ timeout: 30_000 });
    // Real OCR of one scanned page: seconds on an idle machine, minutes on a busy one.
    const opened = page.getByRole('link', { name: 'Öppna protokollet' });
    await opened.waitFor({ timeout: 600_000 });
    expect(await page.locator('.upload .success').textContent()).toContain('texten tolkad med OCR');
    const list = page.locator('section[aria-labelledby="protocols-heading"]');
    await expect.poll(() => list.locator('tbody tr').filter({ hasText: 'hagersten-alvsjo-fvg-2024-03-12-last-page-scanned.pdf' }).locator('.ocr').count()).toBe(1);
    await photograph('arkiv-ocr', '/arkiv', 'section[aria-labelledby="protocols-heading"] .ocr');

    await opened.click();
    await page.waitForURL(/\/protokoll\//);
    const notice = page.locator('.ocr-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Text tolkad med OCR');
    const protocolPath = new URL(page.url()).pathname;
    await page.close();
    await photograph('protokoll-ocr', protocolPath, '.pdf-viewer[data-page]');

    // The index picks up the new protocol within seconds; its hits carry the mark, the original's do not.
    const search = await visit('/sok?q=avslutade&source=real');
    await expect
      .poll(async () => {
        await search.reload();
        await search.waitForSelector('.hit');
        return search.locator('.hit .ocr').count();
      }, { timeout: 60_000 })
      .toBeGreaterThan(0);
    expect(await search.locator('.hit').filter({ hasNot: search.locator('.ocr') }).count()).toBeGreaterThan(0);
    await search.close();
    await photograph('sok-ocr', '/sok?q=avslutade&source=real', '.hit .ocr');
  }, 900_000);

  it('wrote no errors to the browser console on any page', () => {
    expect(browser.errors).toEqual([]);
  });
});
