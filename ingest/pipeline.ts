// The pure pipeline from PDF bytes to a parsed protocol: extract → parse → analyse.
// No file system, database or network here; the ingest runner and the parse CLI are the shells around it.
import { extractDocument } from './extract/document.ts';
import type { ParseOutcome } from './model.ts';
import { sha256 } from './parse-identity.ts';
import { parseProtocol } from './parse/protocol.ts';

/** Turns the bytes of one PDF into a protocol, or a failure naming the reason. Never throws for bad input. */
export async function parsePdf(bytes: Uint8Array, file: string): Promise<ParseOutcome> {
  const extracted = await extractDocument(bytes);
  if (!extracted.ok) return { ok: false, failure: { file, ...extracted.failure } };
  return parseProtocol(extracted.document, { file, sha256: sha256(bytes), pages: extracted.document.pages.length });
}
