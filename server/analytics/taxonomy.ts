// The topic list the analytics report on: ids and Swedish labels from the parser's taxonomy data file
// (ingest/data/topics.json), or the ten ids of the parsed-protocol contract when that file is absent.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export interface TopicInfo {
  id: string;
  label: string;
}

const TAXONOMY_FILE = new URL('../../ingest/data/topics.json', import.meta.url);

/** The contract's topic ids (protocol-json.md); these stay even when the taxonomy grows. */
const CONTRACT_TOPICS: TopicInfo[] = [
  { id: 'hot och våld', label: 'Hot och våld' },
  { id: 'friskfaktorer', label: 'Friskfaktorer' },
  { id: 'sjukfrånvaro', label: 'Sjukfrånvaro' },
  { id: 'arbetsmiljö/SAM', label: 'Arbetsmiljö/SAM' },
  { id: 'budget/ekonomi', label: 'Budget/ekonomi' },
  { id: 'samverkan', label: 'Samverkan' },
  { id: 'kompetensförsörjning/utbildning', label: 'Kompetensförsörjning/utbildning' },
  { id: 'heltid/anställningsformer', label: 'Heltid/anställningsformer' },
  { id: 'informationssäkerhet', label: 'Informationssäkerhet' },
  { id: 'organisationsförändring', label: 'Organisationsförändring' },
];

// The data file is the parser's; accept the shapes a taxonomy file plausibly has and only read id and label.
const entry = z.looseObject({ id: z.string().min(1), label: z.string().min(1).optional() });
const taxonomyFile = z.union([z.array(entry), z.looseObject({ topics: z.array(entry) })]);

/** Topics in taxonomy order; ids found in the archive but missing from the taxonomy are appended by the caller. */
export function loadTaxonomy(file: URL | string = TAXONOMY_FILE): TopicInfo[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return CONTRACT_TOPICS;
  }
  const parsed = taxonomyFile.safeParse(raw);
  if (!parsed.success) return CONTRACT_TOPICS;
  const entries = Array.isArray(parsed.data) ? parsed.data : parsed.data.topics;
  const topics = entries.map((e) => ({ id: e.id, label: e.label ?? labelOf(e.id) }));
  const missing = CONTRACT_TOPICS.filter((c) => !topics.some((t) => t.id === c.id));
  return [...topics, ...missing];
}

/** A readable label for a topic id that has none: the id with its first letter upper-cased. */
export function labelOf(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}
