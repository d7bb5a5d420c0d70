// Line breaking for PDFs drawn with pdf-lib: the generator's protocols and the hand-written held-out protocols
// flow their paragraphs with this one function, in the standard font families both use.
import { StandardFonts, type PDFFont } from 'pdf-lib';

export const FONT_FAMILIES = {
  helvetica: [StandardFonts.Helvetica, StandardFonts.HelveticaBold],
  times: [StandardFonts.TimesRoman, StandardFonts.TimesRomanBold],
  courier: [StandardFonts.Courier, StandardFonts.CourierBold],
} as const;

/** Breaks text into lines no wider than `width` points at `size` in `font`, between words. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}
