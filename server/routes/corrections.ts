// Corrections of parsed records by a redaktör: a question's status (with a note and where it was answered), a
// missed question added from a sentence of the protocol, something that is not a question removed, and the
// meeting's facts and parties. Each change is one entry in the store's correction log with who, when, before and
// after; GET /api/protocols/:id/history lists them, POST /api/corrections/:id/undo undoes one with a new entry,
// and GET /api/corrections/review lists corrections whose record a re-parse no longer has ("Att granska").
// Roles are declared in server/auth/route-roles.ts; this module reads only the identity's name.
import express, { Router, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Party } from '../../ingest/model.ts';
import { canonicalParty } from '../../ingest/parse/parties.ts';
import { activeEntries, anchorOfQuestion, attendeeAnchors, statementAnchors } from '../../ingest/store/corrections-apply.ts';
import type { CorrectionEntry, CorrectionField, NewCorrection } from '../../ingest/store/corrections.ts';
import { correctionsToReview } from '../../ingest/store/corrections-review.ts';
import type { ArchiveStore, StoredProtocol } from '../../ingest/store/types.ts';
import { identityOf } from '../auth/identity.ts';
import { HttpError } from '../http-error.ts';
import { parseBody } from './body.ts';
import { isoDate } from './query-params.ts';

const PROTOCOL_ID = /^[0-9a-f]{16}$/;
const QUESTION_ID = /^([0-9a-f]{16})-(q\d+|a[0-9a-f]+)$/;

const note = z.string().trim().max(2000).nullish().transform((n) => n || null);
const party = z
  .string()
  .nullable()
  .refine((p) => p === null || canonicalParty(p) === p, 'expected a party name such as Vision, Kommunal or Arbetsgivaren')
  .transform((p) => p as Party | null);

const StatusChange = z.object({
  status: z.enum(['answered', 'deferred', 'unanswered']),
  note,
  answeredIn: z
    .object({ protocolId: z.string().regex(PROTOCOL_ID), section: z.string().trim().min(1).max(40).nullish().transform((s) => s ?? null) })
    .nullish()
    .transform((a) => a ?? null),
});

const AddQuestion = z.object({
  text: z.string().trim().min(5).max(2000),
  party,
  section: z.string().trim().min(1).max(40).optional(),
  note,
});

const Removal = z.object({ note }).default({ note: null });

const MeetingChange = z
  .object({
    forvaltning: z.string().trim().min(1).max(200).nullable().optional(),
    body: z.string().trim().min(1).max(200).nullable().optional(),
    date: isoDate.nullable().optional(),
    attendees: z.array(z.object({ index: z.number().int().min(0), party })).max(200).optional(),
    statements: z
      .array(z.object({ section: z.string().min(1).max(40), index: z.number().int().min(0), party }))
      .max(500)
      .optional(),
    note,
  })
  .refine((c) => Object.keys(c).some((k) => k !== 'note'), 'nothing to change');

const Undo = z.object({ note }).default({ note: null });

function protocolIdParam(id: unknown): string {
  if (typeof id !== 'string' || !PROTOCOL_ID.test(id)) throw new HttpError(400, 'bad parameter — id: expected 16 hexadecimal digits');
  return id;
}

function author(res: Response): string {
  const identity = identityOf(res);
  if (!identity) throw new HttpError(401, 'sign in required');
  return identity.name;
}

/** One entry of the history as the API shows it, with whether a later undo cancelled it. */
function historyEntry(entry: CorrectionEntry, inEffect: Set<number>) {
  return { ...entry, undone: entry.undoes === null && !inEffect.has(entry.id) };
}

/** `afterChange` brings derived indexes up to date, so a change is visible in search as soon as it is answered. */
export function correctionRoutes(store: ArchiveStore, afterChange: () => Promise<void> = async () => undefined): { router: Router } {
  const router = Router();
  const json = express.json({ limit: '64kb' });

  async function protocolOrFail(id: string): Promise<StoredProtocol> {
    const protocol = await store.getProtocol(id);
    if (!protocol) throw new HttpError(404, `no protocol with id ${id}`);
    return protocol;
  }

  async function questionOrFail(id: unknown) {
    const match = typeof id === 'string' ? QUESTION_ID.exec(id) : null;
    if (!match) throw new HttpError(400, 'bad parameter — id: expected a question id such as 0123456789abcdef-q3');
    const protocol = await protocolOrFail(match[1]);
    const question = protocol.questions.find((q) => q.id === id);
    if (!question) throw new HttpError(404, `no question with id ${id}`);
    return { protocol, question };
  }

  const record = (entry: Omit<NewCorrection, 'undoes'>) => store.corrections.record({ ...entry, undoes: null });


  router.patch('/questions/:id', json, async (req, res) => {
    const change = parseBody(StatusChange, req);
    const { protocol, question } = await questionOrFail(req.params.id);
    if (change.answeredIn && !(await store.getProtocol(change.answeredIn.protocolId))) {
      throw new HttpError(400, `answeredIn: no protocol with id ${change.answeredIn.protocolId}`);
    }
    await record({
      protocolId: protocol.id,
      field: 'question.status',
      target: anchorOfQuestion(protocol, question),
      value: { status: change.status, answeredIn: change.answeredIn },
      before: { status: question.status, answeredIn: question.correction?.answeredIn ?? null },
      note: change.note,
      author: author(res),
    });
    await afterChange();
    const after = await questionOrFail(question.id);
    res.json(after.question);
  });

  router.delete('/questions/:id', json, async (req, res) => {
    const { note: removalNote } = parseBody(Removal, req);
    const { protocol, question } = await questionOrFail(req.params.id);
    await record({
      protocolId: protocol.id,
      field: 'question.removed',
      target: anchorOfQuestion(protocol, question),
      value: true,
      before: { text: question.text, party: question.party, section: question.section, status: question.status },
      note: removalNote,
      author: author(res),
    });
    await afterChange();
    res.status(204).end();
  });

  router.post('/protocols/:id/questions', json, async (req, res) => {
    const added = parseBody(AddQuestion, req);
    const protocol = await protocolOrFail(protocolIdParam(req.params.id));
    const wanted = added.text.replace(/\s+/g, ' ').toLowerCase();
    // The sentence must be one the protocol says: a person adds a question the parser missed, not new text.
    const section = protocol.sections.find(
      (s) => (!added.section || s.number === added.section) && s.text.replace(/\s+/g, ' ').toLowerCase().includes(wanted),
    );
    if (!section) throw new HttpError(400, 'text: not found in the protocol' + (added.section ? ` section ${added.section}` : ''));
    const target = `a:${randomBytes(4).toString('hex')}`;
    await record({
      protocolId: protocol.id,
      field: 'question.added',
      target,
      value: { section: section.number, party: added.party, text: added.text, page: section.page },
      before: null,
      note: added.note,
      author: author(res),
    });
    await afterChange();
    const after = await protocolOrFail(protocol.id);
    res.status(201).json(after.questions.find((q) => q.anchor === target));
  });

  router.patch('/protocols/:id', json, async (req, res) => {
    const change = parseBody(MeetingChange, req);
    const protocol = await protocolOrFail(protocolIdParam(req.params.id));
    const who = author(res);
    const entries: Array<Omit<NewCorrection, 'undoes'>> = [];
    for (const key of ['forvaltning', 'body', 'date'] as const) {
      if (change[key] === undefined) continue;
      const field = `meeting.${key}` as CorrectionField;
      entries.push({ protocolId: protocol.id, field, target: '', value: change[key], before: protocol.meeting[key], note: change.note, author: who });
    }
    const attendeeKeys = attendeeAnchors(protocol.attendees);
    for (const { index, party: value } of change.attendees ?? []) {
      const attendee = protocol.attendees[index];
      if (!attendee) throw new HttpError(400, `attendees: no attendee number ${index}`);
      entries.push({ protocolId: protocol.id, field: 'attendee.party', target: attendeeKeys[index], value, before: attendee.party, note: change.note, author: who });
    }
    for (const { section: number, index, party: value } of change.statements ?? []) {
      const section = protocol.sections.find((s) => s.number === number);
      const utterance = section?.utterances[index];
      if (!section || !utterance) throw new HttpError(400, `statements: no statement ${index} in section ${number}`);
      const target = statementAnchors(section.number, section.utterances)[index];
      entries.push({ protocolId: protocol.id, field: 'statement.party', target, value, before: utterance.party, note: change.note, author: who });
    }
    for (const entry of entries) await record(entry);
    await afterChange();
    res.json(await protocolOrFail(protocol.id));
  });

  router.get('/protocols/:id/history', async (req, res) => {
    const id = protocolIdParam(req.params.id);
    const entries = await store.corrections.forProtocol(id);
    const inEffect = new Set(activeEntries(entries).map((e) => e.id));
    res.json({ history: entries.map((e) => historyEntry(e, inEffect)).reverse() });
  });

  router.post('/corrections/:id/undo', json, async (req, res) => {
    const { note: undoNote } = parseBody(Undo, req);
    const id = Number(req.params.id);
    const entry = Number.isSafeInteger(id) ? await store.corrections.get(id) : undefined;
    if (!entry) throw new HttpError(404, `no correction with id ${String(req.params.id)}`);
    const entries = await store.corrections.forProtocol(entry.protocolId);
    if (!activeEntries(entries).some((e) => e.id === entry.id) && entry.undoes === null) {
      throw new HttpError(409, `correction ${entry.id} is already undone`);
    }
    const undo = await store.corrections.record({
      protocolId: entry.protocolId,
      field: entry.field,
      target: entry.target,
      value: entry.before,
      before: entry.value,
      note: undoNote,
      author: author(res),
      undoes: entry.id,
    });
    await afterChange();
    res.status(201).json(undo);
  });

  router.get('/corrections/review', async (_req, res) => {
    res.json({ review: await correctionsToReview(store) });
  });

  return { router };
}
