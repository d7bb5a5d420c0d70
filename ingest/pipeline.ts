// The pure pipeline from PDF bytes to a parsed protocol: extract → parse → analyse.
// No file system, database or network here; the ingest runner and the parse CLI are the shells around it.
import { createHash } from 'node:crypto';
import { extractDocument } from './extract/document.ts';
import type { ParseOutcome } from './model.ts';
import { parseProtocol } from './parse/protocol.ts';

/** Bump when parsing changes its output: stored protocols of older versions are re-parsed on the next ingest. */
export const PARSER_VERSION = '6';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Turns the bytes of one PDF into a protocol, or a failure naming the reason. Never throws for bad input. */
export async function parsePdf(bytes: Uint8Array, file: string): Promise<ParseOutcome> {
  const extracted = await extractDocument(bytes);
  if (!extracted.ok) return { ok: false, failure: { file, ...extracted.failure } };
  return parseProtocol(extracted.document, { file, sha256: sha256(bytes), pages: extracted.document.pages.length });
}
