// A redaktör corrects the record in Chromium: signs in through the header, sets a question's status on Frågor with a
// note — the question then shows "rättad av Rut" on Frågor and in the CSV export — and on Protokoll adds a
// question the parser missed by selecting its sentence, which the history lists. Pages with the correction
// controls are photographed at 1280 and 375 px into test/artifacts/.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../ingest/run/ingest.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { launchBrowser, type Browser } from './browser.ts';
import { buildWeb, CORPUS, serve, type Served } from './archive-server.ts';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
const PASSWORD = 'rätta-protokollen-2026';
const dataDir = mkdtempSync(join(tmpdir(), 'e2e-corrections-'));

let store: ArchiveStore;
let served: Served;
let browser: Browser;
let protocolId: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const pdf = join(dataDir, 'skarholmen-fvg-2025-12.pdf');
  copyFileSync(join(CORPUS, 'skarholmen-fvg-2025-12.pdf'), pdf);
  store = openStore(join(dataDir, 'archive.sqlite'));
  const [webDir, report] = await Promise.all([buildWeb(), ingestFiles([{ path: pdf }], { store, jobs: 1 })]);
  protocolId = (report.results[0] as { protocolId: string }).protocolId;
  await store.accounts.addUser({ name: 'Rut', role: 'redaktör', passwordHash: await hashPassword(PASSWORD) });
  served = await serve(store, dataDir, webDir);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.fill('#signin-user', 'Rut');
  await page.fill('#signin-password', PASSWORD);
  await page.locator('.signin-form button[type=submit]').click();
  await page.getByText('Rut (redaktör)').waitFor();
}

describe('correcting the record in the browser', () => {
  it('a status set on Frågor shows as "rättad av Rut" there and in the CSV', async () => {
    const page = await browser.open(1280);
    await page.goto(`${served.base}/fragor`);
    await page.waitForSelector('.question-card');
    expect(await page.locator('.corrector button').count()).toBe(0);
    await signIn(page);
    const card = page.locator('.question-card').first();
    await card.getByRole('button', { name: 'Rätta' }).click();
    const text = (await card.locator('.question-text').textContent())!;
    const select = card.locator('select[id^=c-status-]');
    const before = await select.inputValue();
    const next = before === 'deferred' ? 'unanswered' : 'deferred';
    await select.selectOption(next);
    await card.locator('input[id^=c-note-]').fill('Arbetsgivaren lovade svar i januari');
    await card.getByRole('button', { name: 'Spara rättelsen' }).click();

    const corrected = page.locator('.question-card').filter({ hasText: text.slice(0, 40) });
    await corrected.getByText('rättad av Rut').waitFor();
    await corrected.getByText('rättad av Rut').click();
    await corrected.getByText('Notering: Arbetsgivaren lovade svar i januari').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'fragor-rattad-1280.png') });

    const csv = await (await page.request.get(`${served.base}/api/questions.csv`)).text();
    const row = csv.split('\r\n').find((line) => line.includes(text.slice(0, 40)))!;
    expect(row).toContain(`,${next},`);
    expect(row).toContain(',Rut,');
    expect(row).toContain('Arbetsgivaren lovade svar i januari');
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: join(ARTIFACTS, 'fragor-rattad-375.png') });
    await page.close();
  });

  it('a question added on Protokoll from a selected sentence shows there and in the history', async () => {
    const page = await browser.open(1280);
    await page.goto(`${served.base}/protokoll/${protocolId}`);
    await page.getByText('Rut (redaktör)').waitFor();
    await page.getByText('Lägg till en missad fråga').click();
    // Select the first sentence of a paragraph that holds no question yet, as a reader would with the mouse.
    const sentence = await page.evaluate(() => {
      for (const section of document.querySelectorAll('.protocol-section')) {
        if (section.querySelector('.questions')) continue;
        const paragraph = [...section.querySelectorAll('p')].find((p) => (p.textContent ?? '').length > 60 && !p.closest('.speaker'));
        if (!paragraph?.firstChild) continue;
        const full = paragraph.textContent!;
        const end = full.indexOf('. ') > 20 ? full.indexOf('. ') + 1 : full.length;
        const range = document.createRange();
        range.setStart(paragraph.firstChild, 0);
        range.setEnd(paragraph.firstChild, Math.min(end, paragraph.firstChild.textContent!.length));
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return selection.toString();
      }
      return '';
    });
    expect(sentence.length).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Hämta markerad text' }).click();
    expect(await page.inputValue('#add-question-text')).toBe(sentence.replace(/\s+/g, ' ').trim());
    await page.selectOption('#add-question-party', 'Vision');
    await page.getByRole('button', { name: 'Lägg till frågan' }).click();
    const added = page.locator('.questions li').filter({ hasText: sentence.slice(0, 30) });
    await added.getByText('rättad av Rut').waitFor();
    await page.getByText(/^Historik/).click();
    await page.locator('.history-list li').filter({ hasText: 'Tillagd fråga' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'protokoll-rattelser-1280.png') });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: join(ARTIFACTS, 'protokoll-rattelser-375.png') });
    const history = await (await page.request.get(`${served.base}/api/protocols/${protocolId}/history`)).json();
    expect(history.history.map((e: { field: string; author: string }) => [e.field, e.author])).toEqual([
      ['question.added', 'Rut'],
      ['question.status', 'Rut'],
    ]);
    await page.close();
  });
});
