// `npm run generate` as a user runs it: PDFs under synthetic/<förvaltning>/ and a truth.json that is valid JSON
// listing exactly the files written.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArchiveTruth } from '../../ingest/generate/truth.ts';

const out = mkdtempSync(join(tmpdir(), 'generate-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run generate', () => {
  it('writes the number of protocols asked for, each listed in truth.json, and reports its speed', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'ingest/cli/generate.ts', '--out', out, '--seed', '3', '--from', '2025-01', '--to', '2025-12', '--protocols', '15'],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/wrote 15 protocols \(\d+ pages\) in [\d.]+ s: [\d.]+ protocols\/s, [\d.]+ pages\/s/);
    const truth = JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8')) as ArchiveTruth;
    expect(truth.generator.protocols).toBe(15);
    expect(truth.protocols).toHaveLength(15);
    expect(truth.trends.length).toBeGreaterThan(0);
    for (const p of truth.protocols) expect(existsSync(join(out, p.file)), p.file).toBe(true);
  });

  it('refuses a malformed number with the usage line', () => {
    expect(() => execFileSync(process.execPath, ['--import', 'tsx', 'ingest/cli/generate.ts', '--out', out, '--seed', 'abc'], { stdio: 'pipe' }))
      .toThrow(/--seed must be a whole number/);
  });
});
