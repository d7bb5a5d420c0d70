// Section texts by slot, kept out of the search index: the index only needs terms, while snippets and phrase
// checks read a few texts per query. Saved as one UTF-8 file with an offset table so loading is one read.
import { readFile, writeFile } from 'node:fs/promises';

export class TextStore {
  private buffer: Buffer = Buffer.alloc(0);
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

  /** Whether the text of a slot contains any of these strings exactly (searched in the stored bytes). */
  contains(slot: number, literals: string[]): boolean {
    const text = this.added.get(slot);
    if (text !== undefined) return literals.some((l) => text.includes(l));
    const range = this.offsets[slot];
    if (!range || literals.length === 0) return false;
    const bytes = this.buffer.subarray(range[0], range[0] + range[1]);
    return literals.some((l) => bytes.indexOf(l, 0, 'utf8') >= 0);
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
    this.offsets = offsets;
    this.added.clear();
  }
}
