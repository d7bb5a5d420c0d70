// Joins the lines of a paragraph into running text, undoing line-end hyphenation only where the joined
// form is a word the document itself uses. Compound ellipses ("sjuk- och friskanmälan", "hot- och våld")
// and real hyphens ("informations-säkerhetsklassning") keep their hyphen.

const WORD = /[\p{L}\p{N}]+/gu;

/** Every word form in the given texts, lower-cased: the vocabulary that decides a hyphen join. */
export function vocabularyOf(texts: Iterable<string>): Set<string> {
  const vocabulary = new Set<string>();
  for (const text of texts) for (const m of text.toLowerCase().matchAll(WORD)) vocabulary.add(m[0]);
  return vocabulary;
}

const ELLIPSIS_FOLLOWERS = /^(och|eller|samt|resp\.?|respektive|som|till|,)\s/i;

/** Joins two lines of one paragraph. */
export function joinTwo(left: string, right: string, vocabulary: Set<string>): string {
  const l = left.trimEnd();
  const r = right.trimStart();
  const hyphenated = /(\p{L}+)-$/u.exec(l);
  if (!hyphenated || !/^\p{Ll}/u.test(r) || ELLIPSIS_FOLLOWERS.test(r)) return `${l} ${r}`;
  const head = hyphenated[1];
  const tail = /^\p{L}+/u.exec(r)?.[0] ?? '';
  if (vocabulary.has((head + tail).toLowerCase())) return l.slice(0, -1) + r;
  return `${l} ${r}`;
}

/** Joins a paragraph's lines into one string. */
export function joinLines(lines: string[], vocabulary: Set<string>): string {
  return lines.reduce((text, line) => (text === '' ? line.trim() : joinTwo(text, line, vocabulary)), '');
}
