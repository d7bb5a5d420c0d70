// Section texts by slot, kept out of the search index: the index only needs terms, while snippets and phrase
// checks read a few texts per query. Saved as one UTF-8 file with an offset table so loading is one read.
import { readFile, writeFile } from 'node:fs/promises';

/**
 * Stored texts up to this size are also held as one latin1 string (see `bytes`); past it (beyond some 3 million
 * sections) V8's string length limit comes near, and phrase checks search the buffer instead.
 */
const STRING_FORM_LIMIT = 256 * 2 ** 20;

export class TextStore {
  private buffer: Buffer = Buffer.alloc(0);
  /**
   * The stored UTF-8 bytes as a one-byte string, one character per byte, made at the first phrase check after a
   * load (not at start-up). A phrase check looks for the phrase's bytes in thousands of candidate sections; V8's
   * search in a slice of this string costs a fraction of a Buffer.indexOf call per section.
   */
  private bytes: string | null = null;
  /** [byteStart, byteLength] per slot in `buffer`, for texts loaded from disk. */
  private offsets: Array<[number, number] | null> = [];
  /** Texts added since the last load. */
  private readonly added = new Map<number, string>();

  get(slot: number): string {
    const text = this.added.get(slot);
    if (text !== undefined) return text;
    const range = this.offsets[slot];
    return range ? this.buffer.toString('utf8', range[0], range[0] + range[1]) : '';
  }

  /**
   * For each of `slots`, whether its text contains any of `literals` exactly (1) or not (0): the phrase check of a
   * whole candidate list in one pass, without a call and a closure per section. Loaded texts are searched in
   * their stored bytes, never decoded.
   */
  containsEach(slots: ArrayLike<number>, literals: string[]): Uint8Array {
    const found = new Uint8Array(slots.length);
    if (literals.length === 0) return found;
    const encoded = literals.map((l) => Buffer.from(l, 'utf8'));
    const forms = encoded.map((bytes) => bytes.toString('latin1'));
    const checkAdded = this.added.size > 0;
    const stored = (this.bytes ??= this.buffer.length <= STRING_FORM_LIMIT ? this.buffer.toString('latin1') : '');
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      const added = checkAdded ? this.added.get(slot) : undefined;
      const range = this.offsets[slot];
      if (added !== undefined) found[i] = occursIn(added, literals) ? 1 : 0;
      else if (!range) continue;
      else if (stored.length > 0) found[i] = occursIn(stored.slice(range[0], range[0] + range[1]), forms) ? 1 : 0;
      else found[i] = encoded.some((bytes) => this.buffer.subarray(range[0], range[0] + range[1]).includes(bytes)) ? 1 : 0;
    }
    return found;
  }

  set(slot: number, text: string): void {
    this.added.set(slot, text);
  }

  delete(slot: number): void {
    this.added.delete(slot);
    if (slot < this.offsets.length) this.offsets[slot] = null;
  }

  clear(): void {
    this.buffer = Buffer.alloc(0);
    this.bytes = null;
    this.offsets = [];
    this.added.clear();
  }

  /** Writes every text and returns the offset table to keep beside it. */
  async save(file: string, slots: number): Promise<Array<[number, number] | null>> {
    const chunks: Buffer[] = [];
    const offsets: Array<[number, number] | null> = [];
    let position = 0;
    for (let slot = 0; slot < slots; slot++) {
      if (!this.added.has(slot) && !this.offsets[slot]) {
        offsets.push(null);
        continue;
      }
      const bytes = Buffer.from(this.get(slot), 'utf8');
      chunks.push(bytes);
      offsets.push([position, bytes.length]);
      position += bytes.length;
    }
    await writeFile(file, Buffer.concat(chunks));
    return offsets;
  }

  async load(file: string, offsets: Array<[number, number] | null>): Promise<void> {
    this.buffer = await readFile(file);
    this.bytes = null;
    this.offsets = offsets;
    this.added.clear();
  }
}

/** Whether any of the needles occurs in the text; a loop, not some(): this runs for every candidate of a phrase. */
function occursIn(text: string, needles: string[]): boolean {
  for (const needle of needles) if (text.includes(needle)) return true;
  return false;
}
