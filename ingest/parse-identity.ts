// What identifies a parse result: the sha256 of the file's bytes and the version of the parser that read them.
// Kept apart from the pipeline so the ingest runner's main thread and the server can use them without loading
// pdf.js and the parser (about 180 MB that only the parse workers need).
import { createHash } from 'node:crypto';

/** Bump when parsing changes its output: stored protocols of older versions are re-parsed on the next ingest. */
export const PARSER_VERSION = '7';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
