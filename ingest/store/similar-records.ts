// A stored neighbour joined to its question and meeting, as both stores read it (sqlite-similar.ts,
// postgres-similar.ts): the row shape their queries select and the record the similar-questions endpoint gets.
import type { Party, Question } from '../model.ts';
import type { SimilarQuestionRecord, StoredNeighbour } from './types.ts';

/** The columns both stores select for a neighbour; `synthetic` as the store keeps it (0/1 or boolean). */
export interface SimilarRow {
  id: string;
  protocol_id: string;
  section: string;
  page: number;
  party: Party | null;
  text: string;
  kind: Question['kind'];
  status: Question['status'];
  answer_party: Party | null;
  answer_text: string | null;
  forvaltning: string | null;
  date: string | null;
  body: string | null;
  synthetic: number | boolean;
}

/** The list's first `limit` neighbours that still exist, in the list's order (a removed question is skipped). */
export function similarRecords(neighbours: StoredNeighbour[], rows: SimilarRow[], limit: number): SimilarQuestionRecord[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return neighbours
    .flatMap((n) => {
      const r = byId.get(n.id);
      return r ? [toRecord(n, r)] : [];
    })
    .slice(0, limit);
}

function toRecord(n: StoredNeighbour, r: SimilarRow): SimilarQuestionRecord {
  return {
    ...n,
    protocolId: r.protocol_id,
    forvaltning: r.forvaltning,
    date: r.date,
    body: r.body,
    section: r.section,
    page: r.page,
    party: r.party,
    text: r.text,
    kind: r.kind,
    status: r.status,
    answer: r.answer_text === null ? null : { party: r.answer_party, text: r.answer_text },
    synthetic: r.synthetic === 1 || r.synthetic === true,
  };
}
