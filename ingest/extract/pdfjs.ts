// Loads pdf.js for text extraction in this thread, without letting it slow down everything else the thread does.
//
// Node 20 needs pdf.js's legacy build, which bundles core-js polyfills. Some of them *replace* native built-ins to
// cover spec corner cases pdf.js never meets — Array.prototype.push (arrays of 2^32 elements), JSON.parse/stringify
// (source-text access, raw JSON), Function.prototype.toString — and the replacements are plain JavaScript, several
// times slower. Every push and JSON call of the parser would pay for them. The natives are put back once pdf.js and
// its worker module are loaded; the polyfills that only *add* missing methods (Promise.withResolvers, Set methods,
// Uint8Array base64, ...) stay, since pdf.js needs those on Node 20.
//
// pdf.js runs its "worker" half in this same thread (there is no DOM Worker in Node). Handing it the worker module up
// front (globalThis.pdfjsWorker, pdf.js's documented hook) loads it before the natives are put back, instead of
// lazily with the first document.
//
// pdf.js inflates content streams through DecompressionStream when the runtime has one. In Node that is a web
// stream over zlib's thread pool per content stream: for protocol pages (a few kB each) the round trips leave the
// thread idle for a third of its time, and pdf.js's own synchronous inflate is faster (measured: 257 → 387 pages/s
// for extraction alone). Without the global, pdf.js falls back to that. Nothing else in an extracting thread uses it.
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** pdf.js ships no type declarations for its worker module; only its presence matters here. */
const WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

const natives = {
  push: Array.prototype.push,
  parse: JSON.parse,
  stringify: JSON.stringify,
  toString: Function.prototype.toString,
};

Reflect.deleteProperty(globalThis, 'DecompressionStream');
const pdfjs: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = (await import(WORKER_MODULE)) as unknown;

Array.prototype.push = natives.push;
JSON.parse = natives.parse;
JSON.stringify = natives.stringify;
Function.prototype.toString = natives.toString;

/** Opens a PDF with pdf.js. pdf.js takes the bytes over (detaches them): pass a copy if they are needed after. */
export function openPdf(data: Uint8Array): ReturnType<PdfJs['getDocument']> {
  return pdfjs.getDocument({ data, verbosity: 0, isEvalSupported: false, useSystemFonts: false });
}

/** pdf.js operators that paint a raster image: what a scanned page is made of. */
export const IMAGE_OPS: ReadonlySet<number> = new Set([
  pdfjs.OPS.paintImageXObject,
  pdfjs.OPS.paintInlineImageXObject,
  pdfjs.OPS.paintImageMaskXObject,
  pdfjs.OPS.paintImageXObjectRepeat,
  pdfjs.OPS.paintInlineImageXObjectGroup,
]);
