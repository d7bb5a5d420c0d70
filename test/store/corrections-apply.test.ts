// The pure rules of the correction log: the latest entry in effect wins, an undo cancels what it undoes (and an
// undo of that undo brings it back), and corrections keyed to records a parse lacks become orphans.
import { describe, expect, it } from 'vitest';
import { activeEntries, applyCorrections, currentEntries, questionAnchors } from '../../ingest/store/corrections-apply.ts';
import type { CorrectionEntry } from '../../ingest/store/corrections.ts';
import type { StoredProtocol } from '../../ingest/store/types.ts';

let nextId = 1;
function entry(change: Partial<CorrectionEntry> & Pick<CorrectionEntry, 'field' | 'target' | 'value'>): CorrectionEntry {
  return { id: nextId++, protocolId: 'p', before: null, note: null, author: 'Rut', createdAt: '2026-01-01T00:00:00Z', undoes: null, ...change };
}

const protocol: StoredProtocol = {
  id: 'p',
  ingestedAt: '2026-01-01T00:00:00Z',
  source: { file: 'p.pdf', sha256: 'x', pages: 1 },
  meeting: { forvaltning: 'Skärholmen', body: 'FSG', date: '2025-12', dateStated: false, place: null, chair: null, secretary: null, title: null },
  attendees: [{ name: 'Bo Berg', side: 'fack', party: null, role: null }],
  absentParties: [],
  sections: [{ number: '1', title: 'Frågor', page: 1, text: 'Fråga ett? Fråga ett?', utterances: [] }],
  questions: [
    { id: 'p-q1', section: '1', party: 'Vision', text: 'Fråga ett?', kind: 'question', status: 'unanswered', answer: null, page: 1 },
    { id: 'p-q2', section: '1', party: 'Saco', text: 'Fråga ett?', kind: 'question', status: 'unanswered', answer: null, page: 1 },
  ],
  topics: [],
  synthetic: false,
};

describe('applying the correction log', () => {
  it('keeps two identical sentences apart as two targets', () => {
    const [first, second] = questionAnchors(protocol.questions);
    expect(first).not.toBe(second);
    const corrected = applyCorrections(protocol, [entry({ field: 'question.status', target: second, value: { status: 'answered', answeredIn: null } })]);
    expect(corrected.questions.map((q) => q.status)).toEqual(['unanswered', 'answered']);
  });

  it('lets the latest entry win, an undo cancel, and an undo of the undo restore', () => {
    const a = entry({ field: 'meeting.date', target: '', value: '2025-12-09' });
    const b = entry({ field: 'meeting.date', target: '', value: '2025-12-10' });
    expect(applyCorrections(protocol, [a, b]).meeting).toMatchObject({ date: '2025-12-10', dateStated: true });
    const undoB = entry({ field: 'meeting.date', target: '', value: '2025-12-09', undoes: b.id });
    expect(applyCorrections(protocol, [a, b, undoB]).meeting.date).toBe('2025-12-09');
    const undoUndo = entry({ field: 'meeting.date', target: '', value: '2025-12-10', undoes: undoB.id });
    expect(activeEntries([a, b, undoB, undoUndo]).map((e) => e.id)).toEqual([a.id, b.id]);
    expect(currentEntries([a, b, undoB, undoUndo]).map((e) => e.id)).toEqual([b.id]);
    const undoA = entry({ field: 'meeting.date', target: '', value: null, undoes: a.id });
    const undoB2 = entry({ field: 'meeting.date', target: '', value: null, undoes: b.id });
    expect(applyCorrections(protocol, [a, b, undoA, undoB2]).meeting).toMatchObject({ date: '2025-12', dateStated: false });
  });

  it('makes orphans of corrections whose attendee, statement or question the parse lacks', () => {
    const orphans = [
      entry({ field: 'attendee.party', target: 'n:ingen alls', value: 'Vision' }),
      entry({ field: 'statement.party', target: 's:1:0000', value: 'Vision' }),
      entry({ field: 'question.removed', target: 't:0000', value: true }),
    ];
    const corrected = applyCorrections(protocol, [...orphans, entry({ field: 'attendee.party', target: 'n:bo berg', value: 'Kommunal' })]);
    expect(corrected.corrections?.orphans.map((e) => e.id)).toEqual(orphans.map((e) => e.id));
    expect(corrected.attendees[0].party).toBe('Kommunal');
    expect(corrected.corrections?.marks).toEqual([expect.objectContaining({ field: 'attendee.party', original: null, value: 'Kommunal', by: 'Rut' })]);
  });
});
