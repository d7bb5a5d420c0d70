// Swedish alphabetical order (å, ä, ö after z) for förvaltningar, parties and terms in responses. One shared
// collator: String.prototype.localeCompare with a locale builds a new one on every call, which is slow in sorts.
const collator = new Intl.Collator('sv');

export function compareSwedish(a: string, b: string): number {
  return collator.compare(a, b);
}
