// `npm run -s parse -- FILE.pdf`: one JSON object on stdout for a protocol; nothing on stdout, one line on stderr
// naming the file and the reason, and exit code 1 for a file that cannot be parsed. Never a stack trace.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');

function parse(file: string) {
  return spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'ingest', 'cli', 'parse.ts'), file], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the parse command', () => {
  it('prints one JSON object with the contract keys for a protocol', () => {
    const run = parse(join(CORPUS, 'hagersten-alvsjo-fvg-2024-03-12.pdf'));
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['source', 'meeting', 'attendees', 'absentParties', 'sections', 'questions', 'topics']));
    expect(json.meeting).toMatchObject({ forvaltning: 'Hägersten-Älvsjö', date: '2024-03-12', dateStated: true });
  });

  it('prints nothing on stdout and one line naming file and reason on stderr for a bad file', () => {
    const file = join(CORPUS, 'bad', 'not-a-protocol-julfika.pdf');
    const run = parse(file);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(/not a protocol/);
  });
});
