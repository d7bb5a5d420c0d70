// The PostgreSQL side of similar questions (tables of migration 3), the twin of sqlite-similar.ts: question
// features and neighbour lists, written by an ingest run's NeighbourLists and read by the similar-questions
// endpoint as one list row, then its questions.
import type pg from 'pg';
import type { QuestionFeatures } from '../similar/question-terms.ts';
import { similarRecords, type SimilarRow } from './similar-records.ts';
import type { NeighbourList, SimilarityState, SimilarQuestionRecord, StoredNeighbour } from './types.ts';


export class PostgresSimilarQuestions {
  constructor(private readonly pool: pg.Pool) {}

  async state(): Promise<SimilarityState> {
    const features = await this.pool.query<{ features: QuestionFeatures }>('SELECT features FROM question_features');
    const lists = await this.pool.query<{ question_id: string; neighbours: StoredNeighbour[] }>(
      'SELECT question_id, neighbours FROM question_neighbours',
    );
    const neighbours: SimilarityState['neighbours'] = [];
    for (const row of lists.rows) {
      for (const n of row.neighbours) neighbours.push({ questionId: row.question_id, neighbourId: n.id, score: n.score });
    }
    return { features: features.rows.map((row) => row.features), neighbours };
  }

  /** Upserts every features row and replaces every list whole, in one transaction. */
  async save(client: pg.PoolClient, update: { features: QuestionFeatures[]; lists: NeighbourList[] }): Promise<void> {
    // One statement per table over a JSON array, not one round trip per row: an ingest run writes thousands.
    await client.query(
      `INSERT INTO question_features (question_id, features)
       SELECT f->>'id', f FROM jsonb_array_elements($1::jsonb) AS f
       ON CONFLICT (question_id) DO UPDATE SET features = excluded.features`,
      [JSON.stringify(update.features)],
    );
    await client.query(
      `INSERT INTO question_neighbours (question_id, neighbours)
       SELECT l->>'questionId', l->'neighbours' FROM jsonb_array_elements($1::jsonb) AS l
       ON CONFLICT (question_id) DO UPDATE SET neighbours = excluded.neighbours`,
      [JSON.stringify(update.lists)],
    );
  }

  async similar(questionId: string, limit: number): Promise<SimilarQuestionRecord[] | undefined> {
    const list = await this.pool.query<{ neighbours: StoredNeighbour[] }>(
      'SELECT neighbours FROM question_neighbours WHERE question_id = $1',
      [questionId],
    );
    if (list.rows.length === 0) {
      const exists = await this.pool.query('SELECT 1 FROM questions WHERE id = $1', [questionId]);
      return exists.rows.length > 0 ? [] : undefined;
    }
    // A question removed since the list was written is skipped; the list's order is kept.
    const neighbours = list.rows[0].neighbours.slice(0, limit + 4);
    const found = await this.pool.query<SimilarRow>(
      `SELECT q.id, q.protocol_id, q.section, q.page, q.party, q.text, q.kind, q.status, q.answer_party, q.answer_text,
              p.forvaltning, p.date, p.body, p.synthetic
       FROM questions q JOIN protocols p ON p.id = q.protocol_id
       WHERE q.id = ANY($1::text[])`,
      [neighbours.map((n) => n.id)],
    );
    return similarRecords(neighbours, found.rows, limit);
  }
}
