// Remembering what was worked out for a word form. A protocol archive has a small vocabulary (tens of thousands
// of word forms) that every document repeats, and what the language modules compute per word — a Snowball stem,
// a word's bearing on the topics — costs far more than a lookup. Bounded anyway: past the limit the memory
// starts over, so a stream of odd tokens cannot grow it without end.

const LIMIT = 200_000;

/** `compute`, remembered per word form. */
export function perWordForm<T>(compute: (word: string) => T): (word: string) => T {
  const known = new Map<string, T>();
  return (word) => {
    let value = known.get(word);
    if (value === undefined) {
      if (known.size >= LIMIT) known.clear();
      value = compute(word);
      known.set(word, value);
    }
    return value;
  };
}
