// `npm run -s user` and `npm run -s corrections -- export`: an operator scripts users and tokens — the password from
// standard input, a token that opens the API until it is revoked — and exports corrected protocols in the gold
// format with a manifest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { questionAnchors } from '../../ingest/store/corrections-apply.ts';
import { openStore } from '../../ingest/store/sqlite.ts';
import { verifyPassword } from '../../server/auth/passwords.ts';
import { digestOf } from '../../server/auth/secrets.ts';
import { handMadeProtocol } from './auth-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'user-cli-'));
const db = join(work, 'archive.sqlite');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(script: 'user' | 'corrections', args: string[], input = '') {
  return spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'ingest', 'cli', `${script}.ts`), ...args, '--db', db], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    timeout: 60_000,
  });
}

describe('the user command', () => {
  it('adds a user with the password from stdin, hashed with scrypt, and lists them', async () => {
    const added = run('user', ['add', 'Rut', '--role', 'redaktör'], 'ett hemligt lösenord\n');
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe('added Rut (redaktör)\n');
    const store = openStore(db);
    const user = await store.accounts.findUser('Rut');
    await store.close();
    expect(user?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(user?.passwordHash).not.toContain('hemligt');
    expect(await verifyPassword('ett hemligt lösenord', user!.passwordHash!)).toBe(true);

    expect(run('user', ['add', 'Rut', '--role', 'admin'], 'ett annat lösenord').status).toBe(1);
    const short = run('user', ['add', 'Kort', '--role', 'läsare'], 'kort');
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/at least 10 characters/);
    expect(run('user', ['add', 'Fel', '--role', 'chef'], 'ett långt lösenord').status).toBe(2);
    expect(run('user', ['list']).stdout).toMatch(/^Rut\tredaktör\t\S+\t0 active token\(s\)\n$/);
  });

  it('prints a token stored only as its digest, and revokes it', async () => {
    const issued = run('user', ['token', 'Rut']);
    expect(issued.status).toBe(0);
    const token = issued.stdout.trim();
    expect(token).toMatch(/^pa_[A-Za-z0-9_-]{43}$/);
    let store = openStore(db);
    expect((await store.accounts.findTokenUser(digestOf(token)))?.name).toBe('Rut');
    await store.close();
    expect(readFileSync(db).includes(Buffer.from(token))).toBe(false);
    expect(run('user', ['list']).stdout).toContain('1 active token(s)');

    expect(run('user', ['revoke', 'Rut']).stdout).toBe('revoked 1 token(s) of Rut\n');
    store = openStore(db);
    expect(await store.accounts.findTokenUser(digestOf(token))).toBeUndefined();
    await store.close();
    expect(run('user', ['remove', 'Rut']).stdout).toBe('removed Rut\n');
    expect(run('user', ['remove', 'Rut']).status).toBe(1);
  });
});

describe('the corrections command', () => {
  it('exports each corrected protocol in the gold format with a manifest', async () => {
    const store = openStore(db);
    const protocol = handMadeProtocol(3);
    const id = await store.saveProtocol({ path: join(work, 'p3.pdf'), sha256: protocol.source.sha256, size: 10, pages: 2 }, protocol, '1');
    const other = handMadeProtocol(4);
    await store.saveProtocol({ path: join(work, 'p4.pdf'), sha256: other.source.sha256, size: 10, pages: 2 }, other, '1');
    await store.corrections.record({
      protocolId: id, field: 'question.status', target: questionAnchors(protocol.questions)[1], value: { status: 'answered', answeredIn: null },
      before: { status: 'deferred', answeredIn: null }, note: 'Svar gavs muntligt', author: 'Rut', undoes: null,
    });
    await store.close();

    const out = join(work, 'gold');
    const exported = run('corrections', ['export', out]);
    expect(exported.stdout).toBe(`wrote 1 corrected protocol(s) to ${out}\n`);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toEqual([{ pdf: '../p3.pdf', gold: `${id}.json` }]);
    const gold = JSON.parse(readFileSync(join(out, `${id}.json`), 'utf8'));
    expect(Object.keys(gold)).toEqual(['pdf', 'meeting', 'attendees', 'absent_parties', 'sections', 'questions', 'topics', 'utterances_sample']);
    expect(gold.meeting).toEqual({ forvaltning: 'Skärholmen', body: 'FSG', date: '2024-03-12', date_stated: true, place: null, chair: null, secretary: null });
    expect(gold.questions).toEqual([
      { id: 'q1', section: '1', party: 'Vision', kind: 'question', quote: 'Vision frågar hur sjukfrånvaron ser ut?', status: 'unanswered', answer_quote: null },
      {
        id: 'q2', section: '1', party: 'Kommunal', kind: 'question', quote: 'Kommunal undrar när planen kommer.', status: 'answered', answer_quote: null,
        note: 'status corrected from deferred by Rut: Svar gavs muntligt',
      },
    ]);
    expect(gold.topics).toEqual({ sjukfrånvaro: ['1'] });
  });
});
