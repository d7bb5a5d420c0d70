// Topics of the taxonomy (ingest/data/topics.json) as search terms: each section is indexed under a term for
// every topic it is tagged with, and a query that names a topic — by its id, label, a part of either ("hot och
// våld", "kompetensförsörjning") or one of its phrases — also asks for that term, so it finds sections that
// discuss the topic in other words ("våldsamt beteende", "hotfulla brukare").
import data from '../data/topics.json' with { type: 'json' };
import { contentWords } from './swedish.ts';
import { matchKey } from './terms.ts';

/** The words of a name as one comparable key: content words only, each by its matching key. */
function nameKey(text: string): string {
  return contentWords(text).map(matchKey).join(' ');
}

/** Every way of naming each topic, by its key. */
const TOPIC_BY_NAME = new Map<string, string>();
for (const topic of data.topics) {
  const names = [topic.id, topic.label, ...topic.id.split('/'), ...topic.phrases];
  for (const name of names) {
    const key = nameKey(name);
    if (key && !TOPIC_BY_NAME.has(key)) TOPIC_BY_NAME.set(key, topic.id);
  }
}

/** The index term of a topic: no word of a text can take this form (words hold no '#'). */
export function topicTerm(id: string): string {
  return `#${id.replace(/\s+/g, '_')}`;
}

/** The topic a query names as a whole ("Hot och våld", "hot eller våld"), or null. */
export function topicNamedBy(query: string): string | null {
  const key = nameKey(query);
  return key ? TOPIC_BY_NAME.get(key) ?? null : null;
}
