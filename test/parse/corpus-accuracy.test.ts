// Golden accuracy: the real pipeline (parsePdf) on every corpus protocol, scored against its hand-labelled gold
// file with the shared metrics. These are the figures a user notices: right förvaltning and date, every agenda
// item, every attendee, the questions asked and whether they were answered, and the sections on named topics.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toContract, type ContractJson } from '../../ingest/contract.ts';
import { parsePdf } from '../../ingest/pipeline.ts';
import { score, type Gold, type Score } from './score.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const manifest: { pdf: string; gold: string }[] = JSON.parse(readFileSync(join(FIXTURES, 'gold', 'manifest.json'), 'utf8'));

const results = new Map<string, { score: Score; pred: ContractJson; gold: Gold & { utterances_sample?: { section: string; party: string; quote: string }[] } }>();
const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];

beforeAll(async () => {
  for (const entry of manifest) {
    const pdf = join(FIXTURES, 'gold', entry.pdf);
    const outcome = await parsePdf(new Uint8Array(readFileSync(pdf)), entry.pdf.split('/').pop() ?? entry.pdf);
    if (!outcome.ok) throw new Error(`${entry.pdf}: ${outcome.failure.reason}`);
    const gold: Gold = JSON.parse(readFileSync(join(FIXTURES, 'gold', entry.gold), 'utf8'));
    const pred = toContract(outcome.protocol);
    results.set(entry.pdf, { score: score(gold, pred), pred, gold });
  }
});

const mean = (pick: (s: Score) => number): number => [...results.values()].reduce((sum, r) => sum + pick(r.score), 0) / results.size;

describe.each(manifest.map((m) => m.pdf))('parsing %s', (pdf) => {
  const result = () => results.get(pdf)!.score;
  it('names the right förvaltning and meeting date', () => {
    expect(result().forvaltningOk).toBe(true);
    expect(result().dateOk).toBe(true);
  });
  it('finds every agenda item with its number and title (F1 ≥ 0.98)', () => {
    expect(result().sectionsF1).toBeGreaterThanOrEqual(0.98);
  });
  it('lists the people present (F1 ≥ 0.95)', () => {
    expect(result().attendeesF1).toBeGreaterThanOrEqual(0.95);
  });
  it('finds the questions asked (recall ≥ 0.9) without inventing many (precision ≥ 0.85)', () => {
    expect(result().questionRecall).toBeGreaterThanOrEqual(0.9);
    expect(result().questionPrecision).toBeGreaterThanOrEqual(0.85);
  });
  it('tells answered, deferred and unanswered questions apart (accuracy ≥ 0.85)', () => {
    expect(result().statusAccuracy).toBeGreaterThanOrEqual(0.85);
  });
});

describe('over the whole corpus', () => {
  it('tags the sections discussing hot och våld, friskfaktorer and sjukfrånvaro (mean F1 ≥ 0.85)', () => {
    expect(mean((s) => s.namedTopicsF1)).toBeGreaterThanOrEqual(0.85);
  });
  it('attributes questions to the asking party, also when only implied (mean ≥ 0.85)', () => {
    expect(mean((s) => s.partyAccuracy)).toBeGreaterThanOrEqual(0.85);
  });
  it('attributes the hand-checked sample of utterances to the party that speaks, also when implied', () => {
    let right = 0;
    let total = 0;
    for (const { pred, gold } of results.values()) {
      for (const sample of gold.utterances_sample ?? []) {
        total++;
        const quote = words(sample.quote);
        const section = pred.sections.find((s) => s.number === sample.section);
        const utterance = section?.utterances.find((u) => {
          const said = new Set(words(u.text));
          return quote.every((w) => said.has(w));
        });
        if (utterance?.party === sample.party) right++;
      }
    }
    expect(total).toBeGreaterThan(20);
    expect(right / total).toBeGreaterThanOrEqual(0.9);
  });
  it('attributes every utterance of a section to a party or leaves it open, never to an unknown name', () => {
    const parties = new Set(['Arbetsgivaren', 'Vision', 'Kommunal', 'Akademikerförbundet SSR', 'Saco', 'Sveriges Lärare', 'Ledarna', 'Vårdförbundet', 'Sveriges Skolledare', null]);
    for (const { pred } of results.values()) {
      for (const s of pred.sections) for (const u of s.utterances) expect(parties.has(u.party)).toBe(true);
    }
  });
});
