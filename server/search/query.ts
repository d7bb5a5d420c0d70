// Reads what a user typed into the search box: "quoted phrases" (straight or typographic quotes) and the
// loose words around them.
export interface ParsedQuery {
  /** The whole query without quote marks, for analysis in order. */
  text: string;
  phrases: string[];
}

const PHRASE = /["“”„]([^"“”„]+)["“”„]?/g;

export function parseQuery(query: string): ParsedQuery {
  const phrases = [...query.matchAll(PHRASE)].map((m) => m[1].trim()).filter((p) => p.length > 0);
  return { text: query.replace(/["“”„]/g, ' ').trim(), phrases };
}
