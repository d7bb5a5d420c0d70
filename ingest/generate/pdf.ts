// Lays a generated protocol out on A4 pages with pdf-lib, in the corpus' look: letterhead and "Sida N (M)" in
// 9 pt at the top of every page, title bold 16, headings bold 12, body 11 pt wrapped at the right margin, the
// signature-validation line in 8 pt. Output is reproducible: no timestamps other than the meeting date.
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import type { Block, ProtocolDocument } from './document.ts';
import { wrapText } from './text-wrap.ts';

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const LEFT = 71;
const RIGHT = 524;
/** Baseline of the first line on pages after the first, and of the title on the first. */
const TOP = 760;
const TITLE_Y = 755;
/** Room kept below a heading for the line that must follow it on the same page. */
const KEEP_WITH_NEXT = 20;
/** The first line under a heading or a label sits closer to it than paragraphs to each other, as in the corpus. */
const AFTER_HEADING = 17;
const AFTER_LABEL = 15.5;
const BOTTOM = 60;
const BOTTOM_WITH_ADDRESS = 95;

interface Style {
  size: number;
  bold: boolean;
  /** Space above the block's first line, from the previous line's baseline. */
  before: number;
  /** Distance between wrapped lines. */
  leading: number;
}

const STYLES: Record<Block['kind'], Style> = {
  title: { size: 16, bold: true, before: 0, leading: 19 },
  marker: { size: 9, bold: false, before: 16, leading: 11 },
  label: { size: 11, bold: true, before: 21, leading: 14.5 },
  heading: { size: 12, bold: true, before: 31, leading: 15 },
  paragraph: { size: 11, bold: false, before: 20.5, leading: 14.5 },
  validation: { size: 8, bold: false, before: 38, leading: 10 },
};

interface PlacedLine {
  page: number;
  y: number;
  text: string;
  size: number;
  bold: boolean;
}

export interface RenderedProtocol {
  bytes: Uint8Array;
  pages: number;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Splits text into lines no wider than the text column. */
/** Assigns every line a page and a baseline; a heading or label never ends a page without a line after it. */
function place(doc: ProtocolDocument, fonts: Fonts): PlacedLine[] {
  const bottom = doc.addressFooter ? BOTTOM_WITH_ADDRESS : BOTTOM;
  const placed: PlacedLine[] = [];
  let page = 1;
  /** Baseline of the last line placed on `page`, or null on a fresh page. */
  let y: number | null = null;
  let previous: Block['kind'] | null = null;
  for (const block of doc.blocks) {
    const style = STYLES[block.kind];
    const before = previous === 'heading' ? AFTER_HEADING : previous === 'label' ? AFTER_LABEL : style.before;
    previous = block.kind;
    const lines = wrapText(block.text, style.bold ? fonts.bold : fonts.regular, style.size, RIGHT - LEFT);
    const reserve = block.kind === 'heading' || block.kind === 'label' ? KEEP_WITH_NEXT : 0;
    if (y !== null && y - before - reserve < bottom) {
      page++;
      y = null;
    }
    lines.forEach((text, k) => {
      y = y === null ? (page === 1 ? TITLE_Y : TOP) : y - (k === 0 ? before : style.leading);
      if (y < bottom) {
        page++;
        y = TOP;
      }
      placed.push({ page, y, text, size: style.size, bold: style.bold });
    });
  }
  return placed;
}

export async function renderProtocol(doc: ProtocolDocument): Promise<RenderedProtocol> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const placed = place(doc, fonts);
  const pageCount = placed.length > 0 ? placed[placed.length - 1].page : 1;
  const pages = Array.from({ length: pageCount }, () => pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]));
  pages.forEach((page, i) => {
    page.drawText(doc.letterhead, { x: LEFT, y: 799, size: 9, font: fonts.regular });
    page.drawText(doc.headerRight, { x: 440, y: 799, size: 9, font: fonts.regular });
    page.drawText(`Sida ${i + 1} (${pageCount})`, { x: 486, y: 789, size: 9, font: fonts.regular });
    doc.addressFooter?.forEach((line, k) => page.drawText(line, { x: LEFT, y: 72 - 9 * k, size: 8, font: fonts.regular }));
  });
  for (const line of placed) {
    pages[line.page - 1].drawText(line.text, { x: LEFT, y: line.y, size: line.size, font: line.bold ? fonts.bold : fonts.regular });
  }
  const date = new Date(`${doc.date}T12:00:00Z`);
  pdf.setTitle(`${doc.letterhead} – protokoll ${doc.date} (syntetiskt)`);
  pdf.setProducer('Protokollarkivet generator');
  pdf.setCreator('Protokollarkivet generator');
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  return { bytes: await pdf.save(), pages: pageCount };
}
