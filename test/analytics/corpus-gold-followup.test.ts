// The corpus' hand-labelled questions (test/fixtures/gold) followed across its meetings: Saco's questions on the
// verksamhetsberättelse, deferred on 2024-01-13 ("besvaras vid nästa förvaltningsgrupp"), get no answer in any
// later protocol of the archive, so they show as open, aged to Hägersten-Älvsjö's latest meeting (2025-01-14).
// Runs on the labels rather than the parser's output, so it checks the follow-up alone.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Party, Protocol, QuestionKind, QuestionStatus } from '../../ingest/model.ts';
import { sha256 } from '../../ingest/parse-identity.ts';
import type { ArchiveStore } from '../../ingest/store/types.ts';
import { buildSnapshot, type AnalyticsSnapshot } from '../../server/analytics/snapshot.ts';
import { storeWith } from './archive-store.ts';

interface Gold {
  pdf: string;
  meeting: { forvaltning: string; body: string; date: string; date_stated: boolean };
  sections: Array<{ number: string; title: string }>;
  questions: Array<{ section: string; party: Party; kind: QuestionKind; quote: string; status: QuestionStatus; answer_quote: string | null }>;
  topics: Record<string, string[]>;
}

const GOLD = new URL('../fixtures/gold/', import.meta.url);

function protocolOfGold(gold: Gold, file: string): Protocol {
  return {
    source: { file, sha256: sha256(new TextEncoder().encode(file)), pages: 1 },
    meeting: { forvaltning: gold.meeting.forvaltning, body: gold.meeting.body, date: gold.meeting.date, dateStated: gold.meeting.date_stated, place: null, chair: null, secretary: null, title: null },
    attendees: [],
    absentParties: [],
    sections: gold.sections.map((s) => {
      const said = gold.questions.filter((q) => q.section === s.number).flatMap((q) => [
        { party: q.party, text: q.quote, page: 1 },
        ...(q.answer_quote ? [{ party: 'Arbetsgivaren' as const, text: q.answer_quote, page: 1 }] : []),
      ]);
      return { number: s.number, title: s.title, page: 1, text: said.map((u) => u.text).join('\n'), utterances: said };
    }),
    questions: gold.questions.map((q) => ({
      section: q.section,
      party: q.party,
      text: q.quote,
      kind: q.kind,
      status: q.status,
      answer: q.answer_quote ? { party: 'Arbetsgivaren', text: q.answer_quote } : null,
      page: 1,
    })),
    topics: Object.entries(gold.topics).flatMap(([topic, sections]) => sections.map((section) => ({ topic, section, mentions: 1 }))),
    synthetic: false,
  };
}

let store: ArchiveStore;
let snapshot: AnalyticsSnapshot;

beforeAll(async () => {
  const manifest: Array<{ pdf: string; gold: string }> = JSON.parse(readFileSync(new URL('manifest.json', GOLD), 'utf8'));
  const protocols = manifest.map((m) => protocolOfGold(JSON.parse(readFileSync(new URL(m.gold, GOLD), 'utf8')), m.pdf.split('/').pop()!));
  store = await storeWith(protocols);
  snapshot = await buildSnapshot(store);
});

afterAll(async () => {
  await store.close();
});

describe('the corpus questions followed across meetings (gold labels)', () => {
  it("shows Saco's deferred questions on the verksamhetsberättelse as open for 367 days", () => {
    const saco = snapshot.questions.filter((q) => q.party === 'Saco' && q.date === '2024-01-13' && q.status === 'deferred');
    expect(saco).toHaveLength(18);
    for (const q of saco) {
      expect(q.currentStatus, q.text).toBe('open');
      expect(q.daysOpen, q.text).toBe(367);
      expect(q.answeredIn).toBeNull();
    }
  });

  it('counts no corpus question as answered later: none of its protocols answers an earlier one', () => {
    expect(snapshot.questions.filter((q) => q.currentStatus === 'answered_later')).toEqual([]);
  });

  it('does not take a question up again a year later, after the meetings in between were silent', () => {
    const ils = snapshot.questions.find((q) => q.text.startsWith('Kommunal tog upp att alla medarbetare inte har tillgång till ILS'))!;
    expect(ils.trail.map((s) => s.date)).toEqual(['2024-01-13']);
    expect(ils.daysOpen).toBe(367);
  });
});
