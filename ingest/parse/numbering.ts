// Agenda numbering: reading a number off a heading ("§ 7", "5.1.1.", "2.") and judging whether a number can
// follow the previous item — the check that tells a numbered agenda item written as plain text from a number
// that merely starts a paragraph or a list inside an item.

/** Normalised number components: "§ 7" → [7], "5.1.1." → [5, 1, 1]. */
export function numberParts(number: string): number[] {
  return number
    .replace(/^§\s*/, '')
    .replace(/\.$/, '')
    .split('.')
    .map((p) => Number.parseInt(p, 10));
}

/** How far numbering may jump forward between consecutive items (items get dropped from agendas: "no section 8"). */
const MAX_SKIP = 2;

/**
 * Whether `next` can be the agenda item after `previous`: the next sibling at some level (allowing a skipped
 * number or two), or a first child (5 → 5.1, 9.1 → 9.1.2 when 9.1.1 was left out).
 */
export function canFollow(previous: number[] | null, next: number[]): boolean {
  if (next.some((n) => !Number.isFinite(n))) return false;
  if (previous === null) return next.length === 1 && next[0] <= 1 + MAX_SKIP;
  if (next.length === previous.length + 1 && previous.every((p, i) => p === next[i])) {
    return next[next.length - 1] >= 1 && next[next.length - 1] <= 1 + MAX_SKIP;
  }
  if (next.length > previous.length) return false;
  const level = next.length - 1;
  for (let i = 0; i < level; i++) if (next[i] !== previous[i]) return false;
  const step = next[level] - previous[level];
  return step >= 1 && step <= 1 + MAX_SKIP;
}

/** Orders agenda numbers: [5, 1] < [5, 1, 2] < [5, 2] < [6]. */
export function compareNumbers(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
