// The SQLite side of similar questions (tables of migration 4): question features and neighbour lists, written
// by the ingest run's NeighbourLists and read by the similar-questions endpoint with one indexed query.
import type Database from 'better-sqlite3';
import type { Party, Question } from '../model.ts';
import type { QuestionFeatures } from '../similar/question-terms.ts';
import type { NeighbourList, SimilarityState, SimilarQuestionRecord } from './types.ts';

interface SimilarRow {
  neighbour_id: string;
  score: number;
  shared_words: string;
  shared_topics: string;
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
  synthetic: number;
}

export class SqliteSimilarQuestions {
  private readonly statements;
  private readonly write: (update: { features: QuestionFeatures[]; lists: NeighbourList[] }) => void;

  constructor(db: Database.Database) {
    this.statements = {
      features: db.prepare<[], { features: string }>('SELECT features FROM question_features'),
      neighbours: db.prepare<[], { question_id: string; neighbour_id: string; score: number }>(
        'SELECT question_id, neighbour_id, score FROM question_neighbours ORDER BY question_id, rank',
      ),
      saveFeatures: db.prepare('INSERT OR REPLACE INTO question_features (question_id, features) VALUES (?, ?)'),
      clearList: db.prepare('DELETE FROM question_neighbours WHERE question_id = ?'),
      insertNeighbour: db.prepare(
        'INSERT INTO question_neighbours (question_id, rank, neighbour_id, score, shared_words, shared_topics) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      similar: db.prepare<[string, number], SimilarRow>(`
        SELECT n.neighbour_id, n.score, n.shared_words, n.shared_topics,
               q.protocol_id, q.section, q.page, q.party, q.text, q.kind, q.status, q.answer_party, q.answer_text,
               p.forvaltning, p.date, p.body, p.synthetic
        FROM question_neighbours n
        JOIN questions q ON q.id = n.neighbour_id
        JOIN protocols p ON p.id = q.protocol_id
        WHERE n.question_id = ?
        ORDER BY n.rank
        LIMIT ?`),
      exists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM questions WHERE id = ?'),
    };
    this.write = db.transaction((update: { features: QuestionFeatures[]; lists: NeighbourList[] }) => {
      const s = this.statements;
      for (const f of update.features) s.saveFeatures.run(f.id, JSON.stringify(f));
      for (const list of update.lists) {
        s.clearList.run(list.questionId);
        list.neighbours.forEach((n, rank) =>
          s.insertNeighbour.run(list.questionId, rank, n.id, n.score, JSON.stringify(n.sharedWords), JSON.stringify(n.sharedTopics)),
        );
      }
    });
  }

  state(): SimilarityState {
    return {
      features: this.statements.features.all().map((row) => JSON.parse(row.features) as QuestionFeatures),
      neighbours: this.statements.neighbours.all().map((r) => ({ questionId: r.question_id, neighbourId: r.neighbour_id, score: r.score })),
    };
  }

  save(update: { features: QuestionFeatures[]; lists: NeighbourList[] }): void {
    this.write(update);
  }

  similar(questionId: string, limit: number): SimilarQuestionRecord[] | undefined {
    const rows = this.statements.similar.all(questionId, limit);
    if (rows.length === 0 && !this.statements.exists.get(questionId)) return undefined;
    return rows.map((r) => ({
      id: r.neighbour_id,
      score: r.score,
      sharedWords: JSON.parse(r.shared_words) as string[],
      sharedTopics: JSON.parse(r.shared_topics) as string[],
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
      synthetic: r.synthetic === 1,
    }));
  }
}
