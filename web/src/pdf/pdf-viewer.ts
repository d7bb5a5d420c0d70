// The PDF beside a protocol: one page at a time, drawn by pdf.js on a canvas with its text layer on top, so
// the words of the search can be highlighted where they stand on the page. Page controls are keyboard usable.
import { GlobalWorkerOptions, TextLayer, getDocument, VerbosityLevel, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { el } from '../dom.ts';
import { highlighted } from '../components/highlighted-text.ts';
import { matchRanges } from '../text/match-terms.ts';

GlobalWorkerOptions.workerSrc = workerUrl;

export interface PdfViewer {
  element: HTMLElement;
  /** Shows `page` (1-based, clamped to the document) with words matching `keys` highlighted. */
  show(page: number, keys: string[]): Promise<void>;
  destroy(): void;
}

export function pdfViewer(url: string, fileName: string): PdfViewer {
  const pageInput = el('input', { attrs: { id: 'pdf-page', type: 'number', min: 1, value: 1, inputmode: 'numeric' } });
  const pageCount = el('span', {}, 'av …');
  const canvas = el('canvas', { attrs: { role: 'img', 'aria-label': 'PDF-sida' } });
  const textLayer = el('div', { class: 'textLayer' });
  const pageBox = el('div', { class: 'pdf-page' }, canvas, textLayer);
  const scroller = el('div', { class: 'pdf-scroller' }, pageBox);
  const status = el('p', { class: 'pdf-status', attrs: { role: 'status' } }, 'Läser in PDF …');
  const prev = el('button', { attrs: { type: 'button', 'aria-label': 'Föregående sida' } }, '‹');
  const next = el('button', { attrs: { type: 'button', 'aria-label': 'Nästa sida' } }, '›');
  const zoomOut = el('button', { attrs: { type: 'button', 'aria-label': 'Förminska' } }, '−');
  const zoomIn = el('button', { attrs: { type: 'button', 'aria-label': 'Förstora' } }, '+');
  const element = el(
    'section',
    { class: 'pdf-viewer', attrs: { 'aria-label': 'Originalprotokollet (PDF)' } },
    el(
      'div',
      { class: 'pdf-toolbar' },
      el('span', { class: 'pdf-tools' }, prev, el('label', { attrs: { for: 'pdf-page' } }, 'Sida'), pageInput, pageCount, next),
      el('span', { class: 'pdf-tools' }, zoomOut, zoomIn),
      el('a', { class: 'pdf-download', attrs: { href: url, download: fileName } }, 'Ladda ner PDF'),
    ),
    status,
    scroller,
  );

  // verbosity ERRORS: pdf.js otherwise logs font substitution warnings that are harmless for reading.
  const loadingTask = getDocument({ url, isEvalSupported: false, verbosity: VerbosityLevel.ERRORS });
  let documentProxy: PDFDocumentProxy | undefined;
  let current = { page: 1, keys: [] as string[] };
  let renderTask: RenderTask | undefined;
  let textTask: TextLayer | undefined;
  let ticket = 0;
  let renderedWidth = 0;
  // Page width as a multiple of the column width; beyond 1 the page scrolls sideways in its box.
  const ZOOMS = [1, 1.5, 2, 3];
  let zoom = 0;

  const render = async () => {
    const mine = ++ticket;
    const doc = documentProxy ?? (documentProxy = await loadingTask.promise);
    const number = Math.min(Math.max(1, current.page), doc.numPages);
    pageInput.max = String(doc.numPages);
    pageInput.value = String(number);
    pageCount.textContent = `av ${doc.numPages}`;
    prev.disabled = number <= 1;
    next.disabled = number >= doc.numPages;

    const page = await doc.getPage(number);
    if (mine !== ticket) return;
    renderTask?.cancel();
    textTask?.cancel();

    const columnWidth = Math.max(240, scroller.clientWidth || element.clientWidth || 600);
    const width = columnWidth * ZOOMS[zoom];
    zoomOut.disabled = zoom === 0;
    zoomIn.disabled = zoom === ZOOMS.length - 1;
    const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    canvas.setAttribute('aria-label', `Sida ${number} av ${doc.numPages} i originalprotokollet`);
    pageBox.style.setProperty('--total-scale-factor', String(viewport.scale));
    pageBox.style.width = `${Math.floor(viewport.width)}px`;
    renderedWidth = columnWidth;

    renderTask = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
    textLayer.replaceChildren();
    textTask = new TextLayer({ textContentSource: page.streamTextContent(), container: textLayer, viewport });
    try {
      await Promise.all([renderTask.promise, textTask.render()]);
    } catch (error) {
      // A newer page request cancelled this one; that request renders instead.
      if (error instanceof Error && error.name === 'RenderingCancelledException') return;
      if (mine !== ticket) return;
      throw error;
    }
    if (mine !== ticket) return;
    const marked = markTerms(textTask, current.keys);
    element.dataset.page = String(number);
    status.textContent = marked > 0 ? `Sida ${number}: ${marked} markerade ord` : `Sida ${number}`;
  };

  const showSafely = async () => {
    try {
      await render();
    } catch (error) {
      status.textContent = `PDF:en kunde inte visas: ${error instanceof Error ? error.message : String(error)}`;
      element.dataset.error = 'true';
    }
  };

  const go = (page: number) => {
    current = { ...current, page };
    void showSafely();
  };
  prev.addEventListener('click', () => go(current.page - 1));
  next.addEventListener('click', () => go(current.page + 1));
  pageInput.addEventListener('change', () => go(Number(pageInput.value) || 1));
  const setZoom = (step: number) => {
    zoom = Math.min(ZOOMS.length - 1, Math.max(0, zoom + step));
    void showSafely();
  };
  zoomOut.addEventListener('click', () => setZoom(-1));
  zoomIn.addEventListener('click', () => setZoom(1));

  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  const onResize = () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (documentProxy && Math.abs(scroller.clientWidth - renderedWidth) > 20) void showSafely();
    }, 200);
  };
  window.addEventListener('resize', onResize);

  return {
    element,
    async show(page, keys) {
      current = { page, keys };
      await showSafely();
    },
    destroy() {
      window.removeEventListener('resize', onResize);
      renderTask?.cancel();
      textTask?.cancel();
      void loadingTask.destroy();
    },
  };
}

/** Wraps the matching words of each text run in <mark>; returns how many were marked. */
function markTerms(layer: TextLayer, keys: string[]): number {
  if (keys.length === 0) return 0;
  let marked = 0;
  layer.textDivs.forEach((div, i) => {
    const text = layer.textContentItemsStr[i] ?? '';
    const ranges = matchRanges(text, keys);
    if (ranges.length === 0) return;
    div.replaceChildren(highlighted(text, ranges));
    marked += ranges.length;
  });
  return marked;
}
