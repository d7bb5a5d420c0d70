// Finds the words of a text that match the words of a search query, for highlighting where the API gives
// no ranges (the protocol text, the PDF page). Swedish inflects and compounds freely, so a word matches when
// it contains the query word with its last letter or two dropped: "sjukfrånvaro" marks "sjukfrånvaron" and
// "korttidssjukfrånvaron".

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased match keys of a query, ignoring words too short to be meaningful. */
export function queryKeys(query: string | null | undefined): string[] {
  if (!query) return [];
  const keys = new Set<string>();
  for (const [word] of query.toLocaleLowerCase('sv-SE').matchAll(WORD)) {
    if (word.length < 3) continue;
    const cut = word.length >= 8 ? 2 : word.length >= 6 ? 1 : 0;
    keys.add(word.slice(0, word.length - cut));
  }
  return [...keys];
}

/** [start, end) ranges of the whole words in `text` that contain any key. */
export function matchRanges(text: string, keys: string[]): Array<[number, number]> {
  if (keys.length === 0) return [];
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLocaleLowerCase('sv-SE');
    if (keys.some((key) => word.includes(key))) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}
