// The SQLite side of similar questions (tables of migration 4): question features and neighbour lists, written
// by the ingest run's NeighbourLists and read by the similar-questions endpoint: one list row, then its questions.
import type Database from 'better-sqlite3';
import type { QuestionFeatures } from '../similar/question-terms.ts';
import { similarRecords, type SimilarRow } from './similar-records.ts';
import type { NeighbourList, SimilarityState, SimilarQuestionRecord, StoredNeighbour } from './types.ts';


export class SqliteSimilarQuestions {
  private readonly statements;
  private readonly write: (update: { features: QuestionFeatures[]; lists: NeighbourList[] }) => void;

  constructor(db: Database.Database) {
    this.statements = {
      features: db.prepare<[], { features: string }>('SELECT features FROM question_features'),
      lists: db.prepare<[], { question_id: string; neighbours: string }>('SELECT question_id, neighbours FROM question_neighbours'),
      saveFeatures: db.prepare('INSERT OR REPLACE INTO question_features (question_id, features) VALUES (?, ?)'),
      saveList: db.prepare('INSERT OR REPLACE INTO question_neighbours (question_id, neighbours) VALUES (?, ?)'),
      list: db.prepare<[string], { neighbours: string }>('SELECT neighbours FROM question_neighbours WHERE question_id = ?'),
      questionsIn: db.prepare<[string], SimilarRow>(`
        SELECT q.id, q.protocol_id, q.section, q.page, q.party, q.text, q.kind, q.status, q.answer_party, q.answer_text,
               p.forvaltning, p.date, p.body, p.synthetic
        FROM questions q JOIN protocols p ON p.id = q.protocol_id
        WHERE q.id IN (SELECT value FROM json_each(?))`),
      exists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM questions WHERE id = ?'),
    };
    this.write = db.transaction((update: { features: QuestionFeatures[]; lists: NeighbourList[] }) => {
      const s = this.statements;
      for (const f of update.features) s.saveFeatures.run(f.id, JSON.stringify(f));
      for (const list of update.lists) s.saveList.run(list.questionId, JSON.stringify(list.neighbours));
    });
  }

  state(): SimilarityState {
    const neighbours: SimilarityState['neighbours'] = [];
    for (const row of this.statements.lists.all()) {
      for (const n of JSON.parse(row.neighbours) as StoredNeighbour[]) neighbours.push({ questionId: row.question_id, neighbourId: n.id, score: n.score });
    }
    return { features: this.statements.features.all().map((row) => JSON.parse(row.features) as QuestionFeatures), neighbours };
  }

  save(update: { features: QuestionFeatures[]; lists: NeighbourList[] }): void {
    this.write(update);
  }

  similar(questionId: string, limit: number): SimilarQuestionRecord[] | undefined {
    const row = this.statements.list.get(questionId);
    if (!row) return this.statements.exists.get(questionId) ? [] : undefined;
    // A question removed since the list was written is skipped; the list's order is kept.
    const neighbours = (JSON.parse(row.neighbours) as StoredNeighbour[]).slice(0, limit + 4);
    return similarRecords(neighbours, this.statements.questionsIn.all(JSON.stringify(neighbours.map((n) => n.id))), limit);
  }
}
