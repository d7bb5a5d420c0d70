// "Liknande frågor" in a real browser against the real server: the panel under a question on Frågor and on the
// Protokoll page (party, förvaltning, date, status, answer, a link to the protocol page, why), the Frågor search
// box answering a question in a person's own words, and "Besvarad i …" beside open questions. Photographed at
// 1280 and 375 px into test/artifacts/. The web UI is built into a folder of its own, so this file can run beside
// the other browser tests.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../ingest/run/ingest.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { launchBrowser, type Browser } from './browser.ts';
import { serve, type Served } from './archive-server.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const ARTIFACTS = join(ROOT, 'test/artifacts');
const WIDTHS = [1280, 375] as const;

let work: string;
let store: ArchiveStore;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'e2e-similar-'));
  const webDir = join(work, 'web');
  store = openStore(join(work, 'archive.sqlite'));
  const fixtures = ['corpus', 'holdout', 'holdout2'].map((set) => join(ROOT, 'test/fixtures', set));
  [browser] = await Promise.all([
    launchBrowser(),
    build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'error', build: { outDir: webDir, emptyOutDir: true } }),
    ingestPaths(fixtures, { store, jobs: 2 }),
  ]);
  served = await serve(store, work, webDir);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await store?.close();
  rmSync(work, { recursive: true, force: true });
});

async function visit(path: string, width: number): Promise<Page> {
  const page = await browser.open(width);
  await page.goto(`${served.base}${path}`);
  return page;
}

async function photograph(page: Page, name: string, width: number): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: false });
}

describe('Liknande frågor in the browser', () => {
  it('opens the similar questions of a question on Frågor, with party, förvaltning, date, status, answer, link and why', async () => {
    for (const width of WIDTHS) {
      const page = await visit(`/fragor?q=${encodeURIComponent('rutin för hot och våld')}`, width);
      const card = page.locator('.question-card').first();
      await card.waitFor();
      await card.locator('details.similar > summary').click();
      const item = card.locator('.similar-item').first();
      await item.waitFor({ timeout: 15_000 });
      expect(await item.locator('.party-badge').count()).toBe(1);
      expect(await item.locator('.badge.status').count()).toBe(1);
      expect(await item.locator('.similar-why').textContent()).toMatch(/^Varför: /);
      const href = await item.locator('a').first().getAttribute('href');
      expect(href).toMatch(/^\/protokoll\/[0-9a-f]+\?avsnitt=.+&sida=\d+$/);
      expect(await card.locator('.similar-item').count()).toBeGreaterThanOrEqual(2);
      await card.locator('.similar-item').first().scrollIntoViewIfNeeded();
      await photograph(page, 'fragor-liknande', width);
      await page.close();
    }
    expect(browser.errors).toEqual([]);
  });

  it('answers a question asked in a person\'s own words with questions and their answers', async () => {
    for (const width of WIDTHS) {
      const page = await visit('/fragor', width);
      await page.locator('.question-card').first().waitFor();
      await page.fill('#f-ask', 'vad har arbetsgivaren svarat om hot mot personal i hemtjänsten?');
      await page.click('.ask-box button');
      await page.waitForURL(/q=/);
      await page.waitForFunction(() => document.querySelector('.question-card .question-text')?.textContent?.toLowerCase().includes('hot'));
      const first = await page.locator('.question-card .question-text').first().textContent();
      expect(first?.toLowerCase()).toContain('hot');
      await photograph(page, 'fragor-egna-ord', width);
      await page.close();
    }
  });

  it('shows beside an open question where a similar one was answered elsewhere', async () => {
    const page = await visit('/fragor?status=open', 1280);
    const note = page.locator('.answered-elsewhere').first();
    await note.waitFor({ timeout: 15_000 });
    expect(await note.textContent()).toMatch(/^Besvarad i .+ \d{4}-\d{2}/);
    await note.scrollIntoViewIfNeeded();
    await photograph(page, 'fragor-besvarad-annanstans', 1280);
    await page.close();
    const narrow = await visit('/fragor?status=open', 375);
    await narrow.locator('.answered-elsewhere').first().waitFor({ timeout: 15_000 });
    await narrow.locator('.answered-elsewhere').first().scrollIntoViewIfNeeded();
    await photograph(narrow, 'fragor-besvarad-annanstans', 375);
    await narrow.close();
  });

  it('opens the similar questions of a question on the Protokoll page', async () => {
    const id = (await store.listProtocols()).find((p) => p.forvaltning === 'Barn- och skolförvaltningen')!.id;
    for (const width of WIDTHS) {
      const page = await visit(`/protokoll/${id}`, width);
      const question = page.locator('.questions li').filter({ hasText: 'vårdnadshavare' }).first();
      await question.waitFor();
      await question.locator('details.similar > summary').click();
      await question.locator('.similar-item').first().waitFor({ timeout: 15_000 });
      expect(await question.locator('.similar-item').count()).toBeGreaterThanOrEqual(2);
      await question.locator('.similar-item').first().scrollIntoViewIfNeeded();
      await photograph(page, 'protokoll-liknande', width);
      await page.close();
    }
    expect(browser.errors).toEqual([]);
  });
});
