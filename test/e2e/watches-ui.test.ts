// Bevakningar in Chromium: a läsare signs in, searches on Sök and presses "Bevaka den här sökningen", which shows
// the feed address once; a matching protocol is then ingested, and Översikt and the menu show it under "Nytt sedan
// sist", the feed has its entry, and "Markera som sett" clears the count. Photographed at 1280 and 375 px.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../ingest/run/ingest.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { launchBrowser, type Browser } from './browser.ts';
import { buildWeb, CORPUS, serve, type Served } from './archive-server.ts';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
const PASSWORD = 'bevaka-protokollen-2026';
const dataDir = mkdtempSync(join(tmpdir(), 'e2e-watches-'));

let store: ArchiveStore;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const first = join(dataDir, 'hagersten-alvsjo-fvg-2024-01-13.pdf');
  copyFileSync(join(CORPUS, 'hagersten-alvsjo-fvg-2024-01-13.pdf'), first);
  store = openStore(join(dataDir, 'archive.sqlite'));
  const [webDir] = await Promise.all([buildWeb(), ingestFiles([{ path: first }], { store, jobs: 1 })]);
  await store.accounts.addUser({ name: 'Lisa', role: 'läsare', passwordHash: await hashPassword(PASSWORD) });
  served = await serve(store, dataDir, webDir);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('watching a search in the browser', () => {
  it('a saved search is told about a matching protocol ingested later', async () => {
    const page = await browser.open(1280);
    await page.goto(`${served.base}/sok?q=${encodeURIComponent('förkortad arbetstid')}`);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.fill('#signin-user', 'Lisa');
    await page.fill('#signin-password', PASSWORD);
    await page.locator('.signin-form button[type=submit]').click();
    await page.getByText('Lisa (läsare)').waitFor();
    await page.goto(`${served.base}/sok?q=${encodeURIComponent('förkortad arbetstid')}`);
    await page.getByRole('button', { name: 'Bevaka den här sökningen' }).click();
    const feedUrl = await page.locator('#watch-feed-url').inputValue();
    expect(feedUrl).toMatch(/\/api\/feeds\/[A-Za-z0-9_-]+\.atom$/);
    await page.screenshot({ path: join(ARTIFACTS, 'bevaka-sok-1280.png'), fullPage: true });

    const pdf = join(dataDir, 'skarholmen-fvg-2025-12.pdf');
    copyFileSync(join(CORPUS, 'skarholmen-fvg-2025-12.pdf'), pdf);
    expect((await ingestFiles([{ path: pdf }], { store, jobs: 1 })).ingested).toBe(1);

    // The server's index catches up within its polling interval; then Översikt shows the new protocol.
    let heading = '';
    for (let tries = 0; tries < 30 && !heading.includes('(1)'); tries++) {
      await page.goto(`${served.base}/`);
      heading = (await page.locator('#watches-heading').textContent({ timeout: 10_000 })) ?? '';
      if (!heading.includes('(1)')) await page.waitForTimeout(500);
    }
    expect(heading).toBe('Nytt sedan sist (1)');
    expect(await page.locator('.watch-list a').first().textContent()).toContain('Skärholmen');
    await page.locator('.new-since a').waitFor();
    expect(await page.locator('.new-since a').textContent()).toBe('Nytt sedan sist (1)');
    await page.screenshot({ path: join(ARTIFACTS, 'oversikt-bevakningar-1280.png'), fullPage: true });
    const narrow = await browser.open(375);
    await narrow.goto(`${served.base}/`);
    await narrow.locator('#watches-heading').waitFor();
    await narrow.screenshot({ path: join(ARTIFACTS, 'oversikt-bevakningar-375.png'), fullPage: true });

    const feed = await (await fetch(feedUrl)).text();
    expect(feed.match(/<entry>/g)).toHaveLength(1);

    await page.getByRole('button', { name: 'Markera som sett' }).click();
    await page.getByText('Nytt sedan sist (0)').waitFor();
  }, 120_000);
});
