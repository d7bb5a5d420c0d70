// The accounts and corrections contract of ArchiveStore, written once as a function of a store factory so every
// implementation (SQLite now, PostgreSQL in server mode) runs the same suite: call it from a test file with a
// factory that hands out an empty store.
import { describe, expect, it } from 'vitest';
import type { Protocol } from '../../ingest/model.ts';
import { sha256 } from '../../ingest/parse-identity.ts';
import { questionAnchors, attendeeAnchors, statementAnchors } from '../../ingest/store/corrections-apply.ts';
import type { NewCorrection } from '../../ingest/store/corrections.ts';
import type { ArchiveStore, SourceFile } from '../../ingest/store/types.ts';

const hashOf = (n: number) => sha256(new TextEncoder().encode(`rättelse-${n}`));
const sourceOf = (n: number): SourceFile => ({ path: `/arkiv/protokoll-${n}.pdf`, sha256: hashOf(n), size: 100, pages: 2 });

/** A protocol with two questions; `extraFirst` puts a question the first parser missed before them, as a better parser would. */
function protocolOf(n: number, options: { extraFirst?: boolean; dropSecond?: boolean } = {}): Protocol {
  const questions: Protocol['questions'] = [
    { section: '2', party: 'Vision', text: 'Hur ser sjukfrånvaron ut?', kind: 'question', status: 'unanswered', answer: null, page: 1 },
    { section: '2', party: 'Kommunal', text: 'När kommer planen?', kind: 'question', status: 'deferred', answer: null, page: 2 },
  ];
  if (options.dropSecond) questions.pop();
  if (options.extraFirst) {
    questions.unshift({ section: '1', party: 'Saco', text: 'Finns det en budget?', kind: 'question', status: 'answered', answer: null, page: 1 });
  }
  return {
    source: { file: `protokoll-${n}.pdf`, sha256: hashOf(n), pages: 2 },
    meeting: { forvaltning: 'Skärholmen', body: 'FSG', date: '2024-03-12', dateStated: true, place: null, chair: null, secretary: null, title: null },
    attendees: [
      { name: 'Anna Andersson', side: 'arbetsgivare', party: 'Arbetsgivaren', role: null },
      { name: 'Bo Berg', side: 'fack', party: null, role: null },
    ],
    absentParties: [],
    sections: [
      { number: '1', title: 'Ekonomi', page: 1, text: 'Saco frågar: Finns det en budget?', utterances: [] },
      {
        number: '2',
        title: 'Arbetsmiljö',
        page: 1,
        text: 'Vision frågar: Hur ser sjukfrånvaron ut? Kommunal undrar när planen kommer. Vi ses i maj.',
        utterances: [{ party: null, text: 'Vision frågar: Hur ser sjukfrånvaron ut?', page: 1 }],
      },
    ],
    questions,
    topics: [],
    synthetic: false,
  };
}

function correction(protocolId: string, change: Partial<NewCorrection> & Pick<NewCorrection, 'field' | 'target' | 'value'>): NewCorrection {
  return { protocolId, before: null, note: null, author: 'Redaktör Rut', undoes: null, ...change };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export function accountsAndCorrectionsContract(name: string, openStore: () => Promise<ArchiveStore>): void {
  describe(`${name}: accounts`, () => {
    it('keeps users with their role, finds them by name and subject, and removes them with their sessions and tokens', async () => {
      const store = await openStore();
      const rut = await store.accounts.addUser({ name: 'rut', role: 'redaktör', passwordHash: 'scrypt$x' });
      await store.accounts.addUser({ name: 'lars', role: 'läsare', passwordHash: null, oidcSubject: 'sub-1' });
      await expect(store.accounts.addUser({ name: 'rut', role: 'admin', passwordHash: null })).rejects.toThrow();
      expect((await store.accounts.findUser('rut'))).toMatchObject({ name: 'rut', role: 'redaktör', passwordHash: 'scrypt$x' });
      expect((await store.accounts.findUserBySubject('sub-1'))?.name).toBe('lars');
      expect((await store.accounts.listUsers()).map((u) => u.name)).toEqual(['lars', 'rut']);
      await store.accounts.setRole('lars', 'admin');
      expect((await store.accounts.findUser('lars'))?.role).toBe('admin');

      const future = new Date(Date.now() + 60_000).toISOString();
      await store.accounts.createSession({ idHash: 'h1', userId: rut.id, csrfToken: 'c1', expiresAt: future });
      await store.accounts.addToken({ userId: rut.id, tokenHash: 't1' });
      expect((await store.accounts.findSession('h1', new Date().toISOString()))?.user.name).toBe('rut');
      expect(await store.accounts.removeUser('rut')).toBe(true);
      expect(await store.accounts.removeUser('rut')).toBe(false);
      expect(await store.accounts.findSession('h1', new Date().toISOString())).toBeUndefined();
      expect(await store.accounts.findTokenUser('t1')).toBeUndefined();
      await store.close();
    });

    it('finds a session only until it expires, and not after it is deleted', async () => {
      const store = await openStore();
      const user = await store.accounts.addUser({ name: 'ida', role: 'läsare', passwordHash: null });
      const expires = '2030-01-01T00:00:00.000Z';
      await store.accounts.createSession({ idHash: 'abc', userId: user.id, csrfToken: 'csrf', expiresAt: expires });
      expect(await store.accounts.findSession('abc', '2029-12-31T23:59:59.000Z')).toEqual({ user: expect.objectContaining({ name: 'ida' }), csrfToken: 'csrf', expiresAt: expires });
      expect(await store.accounts.findSession('abc', '2030-01-01T00:00:01.000Z')).toBeUndefined();
      await store.accounts.deleteSession('abc');
      expect(await store.accounts.findSession('abc', '2029-01-01T00:00:00.000Z')).toBeUndefined();
      await store.close();
    });

    it('finds a token\'s user until the token is revoked, by id or all of a user\'s at once', async () => {
      const store = await openStore();
      const user = await store.accounts.addUser({ name: 'ola', role: 'admin', passwordHash: null });
      const first = await store.accounts.addToken({ userId: user.id, tokenHash: 'd1' });
      await store.accounts.addToken({ userId: user.id, tokenHash: 'd2' });
      expect((await store.accounts.findTokenUser('d1'))?.name).toBe('ola');
      expect(await store.accounts.revokeTokens({ id: first })).toBe(1);
      expect(await store.accounts.findTokenUser('d1')).toBeUndefined();
      expect((await store.accounts.findTokenUser('d2'))?.name).toBe('ola');
      expect(await store.accounts.revokeTokens({ userName: 'ola' })).toBe(1);
      expect(await store.accounts.findTokenUser('d2')).toBeUndefined();
      const tokens = await store.accounts.listTokens('ola');
      expect(tokens).toHaveLength(2);
      expect(tokens.every((t) => t.revokedAt !== null && t.userName === 'ola')).toBe(true);
      await store.close();
    });
  });

  describe(`${name}: corrections`, () => {
    it('applies a status correction on every read, marked with who made it and the parser\'s status, and bumps the revision', async () => {
      const store = await openStore();
      const id = await store.saveProtocol(sourceOf(1), protocolOf(1), '1');
      const revision = await store.revision();
      const [anchor] = questionAnchors(protocolOf(1).questions);
      await store.corrections.record(
        correction(id, { field: 'question.status', target: anchor, value: { status: 'answered', answeredIn: null }, note: 'Besvarades muntligt' }),
      );
      expect(await store.revision()).toBeGreaterThan(revision);

      const protocol = (await store.getProtocol(id))!;
      expect(protocol.questions[0]).toMatchObject({
        id: `${id}-q1`,
        status: 'answered',
        correction: { by: 'Redaktör Rut', originalStatus: 'unanswered', note: 'Besvarades muntligt', answeredIn: null },
      });
      expect(protocol.corrections?.marks).toEqual([expect.objectContaining({ field: 'question.status', by: 'Redaktör Rut', original: 'unanswered' })]);
      const records = await store.questions();
      expect(records.find((q) => q.id === `${id}-q1`)).toMatchObject({ status: 'answered', correction: { by: 'Redaktör Rut' } });
      const sections = await collect(store.sections());
      expect(sections.find((s) => s.section.number === '2')?.questionStatuses).toEqual(['answered', 'deferred']);
      const [summary] = await store.listProtocols();
      expect(summary).toMatchObject({ questions: 2, openQuestions: 1, correctedAt: expect.any(String) });
      await store.close();
    });

    it('keeps a correction on its question when a newer parser finds another question before it', async () => {
      const store = await openStore();
      const id = await store.saveProtocol(sourceOf(2), protocolOf(2), '1');
      const anchors = questionAnchors(protocolOf(2).questions);
      await store.corrections.record(correction(id, { field: 'question.status', target: anchors[1], value: { status: 'answered', answeredIn: null } }));
      await store.saveProtocol(sourceOf(2), protocolOf(2, { extraFirst: true }), '2');
      const protocol = (await store.getProtocol(id))!;
      expect(protocol.questions.map((q) => [q.text, q.status, q.correction?.by ?? null])).toEqual([
        ['Finns det en budget?', 'answered', null],
        ['Hur ser sjukfrånvaron ut?', 'unanswered', null],
        ['När kommer planen?', 'answered', 'Redaktör Rut'],
      ]);
      await store.close();
    });

    it('keeps a correction whose question a re-parse no longer has, as an orphan to review', async () => {
      const store = await openStore();
      const id = await store.saveProtocol(sourceOf(3), protocolOf(3), '1');
      const anchors = questionAnchors(protocolOf(3).questions);
      const entry = await store.corrections.record(correction(id, { field: 'question.status', target: anchors[1], value: { status: 'answered', answeredIn: null } }));
      await store.saveProtocol(sourceOf(3), protocolOf(3, { dropSecond: true }), '2');
      const protocol = (await store.getProtocol(id))!;
      expect(protocol.questions).toHaveLength(1);
      expect(protocol.corrections?.orphans).toEqual([expect.objectContaining({ id: entry.id, target: anchors[1] })]);
      expect(await store.corrections.forProtocol(id)).toHaveLength(1);
      expect(await store.corrections.protocolIds()).toEqual([id]);
      await store.close();
    });

    it('adds a missed question, removes a non-question, corrects meeting facts and parties, and undoes with a new entry', async () => {
      const store = await openStore();
      const id = await store.saveProtocol(sourceOf(4), protocolOf(4), '1');
      const p = protocolOf(4);
      await store.corrections.record(
        correction(id, { field: 'question.added', target: 'a:0001', value: { section: '2', party: 'Kommunal', text: 'Kommunal undrar när planen kommer.', page: 1 } }),
      );
      const removal = await store.corrections.record(correction(id, { field: 'question.removed', target: questionAnchors(p.questions)[1], value: true }));
      await store.corrections.record(correction(id, { field: 'meeting.forvaltning', target: '', value: 'Hägersten-Älvsjö', before: 'Skärholmen' }));
      await store.corrections.record(correction(id, { field: 'attendee.party', target: attendeeAnchors(p.attendees)[1], value: 'Vision' }));
      await store.corrections.record(
        correction(id, { field: 'statement.party', target: statementAnchors('2', p.sections[1].utterances)[0], value: 'Vision' }),
      );
      let protocol = (await store.getProtocol(id))!;
      expect(protocol.questions.map((q) => [q.id, q.text, q.party])).toEqual([
        [`${id}-q1`, 'Hur ser sjukfrånvaron ut?', 'Vision'],
        [`${id}-a0001`, 'Kommunal undrar när planen kommer.', 'Kommunal'],
      ]);
      expect(protocol.questions[1].correction).toMatchObject({ originalStatus: null, by: 'Redaktör Rut' });
      expect(protocol.meeting.forvaltning).toBe('Hägersten-Älvsjö');
      expect(protocol.attendees[1].party).toBe('Vision');
      expect(protocol.sections[1].utterances[0].party).toBe('Vision');
      const records = await store.questions();
      expect(records.map((q) => q.id)).toEqual([`${id}-q1`, `${id}-a0001`]);
      expect(records.every((q) => q.forvaltning === 'Hägersten-Älvsjö')).toBe(true);
      expect((await store.listProtocols())[0]).toMatchObject({ forvaltning: 'Hägersten-Älvsjö', questions: 2 });

      await store.corrections.record(correction(id, { field: removal.field, target: removal.target, value: false, undoes: removal.id }));
      protocol = (await store.getProtocol(id))!;
      expect(protocol.questions.map((q) => q.text)).toContain('När kommer planen?');
      const history = await store.corrections.forProtocol(id);
      expect(history).toHaveLength(6);
      expect(history[5]).toMatchObject({ undoes: removal.id, author: 'Redaktör Rut', createdAt: expect.any(String) });
      expect(await store.corrections.get(removal.id)).toMatchObject({ value: true, field: 'question.removed' });
      expect((await store.corrections.all()).map((e) => e.id)).toEqual(history.map((e) => e.id));
      await store.close();
    });
  });
}

