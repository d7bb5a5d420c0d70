// `npm run ingest` as a user runs it: a summary naming each failed file and its reason, everything unchanged on a
// second run, and exit codes that tell a script whether anything could be read.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const CORPUS = join(ROOT, 'test/fixtures/corpus');
const work = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function ingest(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'ingest/cli/ingest.ts', ...args], {
      cwd: ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run ingest', () => {
  it('summarises a folder with a broken file, then finds everything unchanged on a second run', async () => {
    const folder = join(work, 'protokoll');
    mkdirSync(folder);
    cpSync(join(CORPUS, 'skarholmen-fvg-2025-12.pdf'), join(folder, 'skarholmen.pdf'));
    cpSync(join(CORPUS, 'bad', 'encrypted-hagersten-alvsjo-fvg-2025-01-14.pdf'), join(folder, 'Låst.PDF'));
    writeFileSync(join(folder, '.dold.pdf'), 'hidden files are skipped');
    const db = join(work, 'cli.sqlite');

    const first = await ingest(folder, '--db', db, '--jobs', '1');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('2 file(s): 1 ingested, 0 unchanged, 1 failed');
    expect(first.stdout).toMatch(/Låst\.PDF: encrypted: the PDF needs a password to open/);
    expect(first.stdout).not.toContain(folder);
    expect(first.stderr).toMatch(/2\/2 files/);

    const second = await ingest(folder, '--db', db);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('2 file(s): 0 ingested, 2 unchanged (1 of them failed before), 0 failed');
  });

  it('exits with 1 when there is nothing to read and 2 on a usage error', async () => {
    const empty = join(work, 'tom');
    mkdirSync(empty);
    const nothing = await ingest(empty, '--db', join(work, 'empty.sqlite'));
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain('no PDF files found');

    const missing = await ingest(join(work, 'finns-inte'), '--db', join(work, 'empty.sqlite'));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/finns-inte: not found/);

    const usage = await ingest('--jobs', 'två', empty);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/usage: npm run ingest/);
    expect((await ingest()).code).toBe(2);
  });
});
