// Reads a PDF with pdf.js and returns its positioned text runs per page, or a specific failure.
// This is the only module that talks to pdf.js; an OCR extractor for scanned protocols would sit beside it
// behind the same `TextSource` shape.
import type { PDFDocumentProxy, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { Failure, TextRun } from '../model.ts';
import { IMAGE_OPS, openPdf } from './pdfjs.ts';

export interface RawPage {
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  /** The page paints an image and carries almost no text: a scanned page, which only OCR can read. */
  scanned: boolean;
}

export type RawDocument = { ok: true; pages: RawPage[] } | { ok: false; failure: Omit<Failure, 'file'> };

/** Something that turns PDF bytes into positioned text runs. */
export type TextSource = (bytes: Uint8Array) => Promise<RawDocument>;

/** A page with fewer visible characters than this is looked at for an image: it may be a scanned page. */
export const MIN_PAGE_CHARS = 20;

/**
 * Whether a page with (almost) no text paints an image. Building the operator list is expensive, so it is asked
 * only of such pages; a blank page is not a scan and needs no OCR.
 */
async function paintsImage(page: Awaited<ReturnType<PDFDocumentProxy['getPage']>>): Promise<boolean> {
  const ops = await page.getOperatorList();
  return ops.fnArray.some((fn) => IMAGE_OPS.has(fn));
}

/** Classifies bytes that pdf.js refused, so the user gets a reason rather than an exception name. */
function classifyLoadError(bytes: Uint8Array, err: unknown): Omit<Failure, 'file'> {
  const name = (err as { name?: string })?.name ?? '';
  const message = (err as { message?: string })?.message ?? String(err);
  if (bytes.length === 0) return { kind: 'empty', reason: 'empty file: 0 bytes' };
  if (name === 'PasswordException') {
    return { kind: 'encrypted', reason: 'encrypted: the PDF needs a password to open' };
  }
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    return { kind: 'not_pdf', reason: 'not a PDF: the file does not start with a PDF header' };
  }
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF')) {
    return { kind: 'corrupt', reason: `truncated: the PDF ends before its end-of-file marker (${bytes.length} bytes)` };
  }
  return { kind: 'corrupt', reason: `corrupt PDF: ${message}` };
}

async function fontIsBold(page: Awaited<ReturnType<PDFDocumentProxy['getPage']>>, fontId: string): Promise<boolean> {
  try {
    const font = page.commonObjs.get(fontId) as { name?: string; bold?: boolean; black?: boolean } | undefined;
    if (!font) return false;
    return Boolean(font.bold || font.black || /bold|black|heavy|semibold|demi/i.test(font.name ?? ''));
  } catch {
    return false;
  }
}

/**
 * Which of a page's fonts are bold, by their real names — which pdf.js resolves only while building a page's operator
 * list, an expensive step. Font ids are per document, so the operator list is built only for a page that brings a
 * font the document has not shown yet (usually just the first); what was learnt is kept in `known`.
 */
async function learnBoldFonts(page: Awaited<ReturnType<PDFDocumentProxy['getPage']>>, fontIds: string[], known: Map<string, boolean>): Promise<void> {
  const unseen = fontIds.filter((id) => !known.has(id));
  if (unseen.length === 0) return;
  await page.getOperatorList();
  for (const id of unseen) known.set(id, await fontIsBold(page, id));
}

/** Extracts positioned text runs from every page with pdf.js. Never throws: failures come back as values. */
export const readPdfText: TextSource = async (bytes) => {
  if (bytes.length === 0) return { ok: false, failure: { kind: 'empty', reason: 'empty file: 0 bytes' } };
  let doc: PDFDocumentProxy;
  try {
    // pdf.js transfers (detaches) the buffer it is given, so hand it a copy.
    doc = await openPdf(bytes.slice()).promise;
  } catch (err) {
    return { ok: false, failure: classifyLoadError(bytes, err) };
  }
  const pages: RawPage[] = [];
  const boldFonts = new Map<string, boolean>();
  let pageNo = 0;
  try {
    for (pageNo = 1; pageNo <= doc.numPages; pageNo++) {
      const page = await doc.getPage(pageNo);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is TextItem => 'str' in i);
      await learnBoldFonts(page, [...new Set(items.map((i) => i.fontName))], boldFonts);
      const runs: TextRun[] = items
        .filter((i) => i.str.length > 0)
        .map((i) => ({
          text: i.str,
          x: i.transform[4],
          y: i.transform[5],
          width: i.width,
          size: Math.round(Math.hypot(i.transform[2], i.transform[3]) * 10) / 10,
          bold: boldFonts.get(i.fontName) ?? false,
        }));
      const chars = runs.reduce((n, r) => n + r.text.replace(/\s/g, '').length, 0);
      const scanned = chars < MIN_PAGE_CHARS && (await paintsImage(page));
      pages.push({ number: pageNo, width: viewport.width, height: viewport.height, runs, scanned });
      page.cleanup();
    }
  } catch (err) {
    const message = (err as { message?: string })?.message ?? String(err);
    return { ok: false, failure: { kind: 'corrupt', reason: `corrupt PDF: page ${pageNo} cannot be read (${message})`, page: pageNo } };
  } finally {
    await doc.destroy();
  }
  return { ok: true, pages };
};
