// A protocol PDF, made with pdf-lib in the corpus layout, whose text contains markup an attacker might plant
// (`<img src=x onerror=…>`): the web UI must show it as text and never run it.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

export const HOSTILE_TEXT = '<img src=x onerror=window.__xss=1>';

const LINES: Array<{ text: string; bold?: boolean; size?: number; gap?: number }> = [
  { text: 'Protokoll från förvaltningsgruppen den 14 maj 2024', bold: true, size: 16, gap: 34 },
  { text: 'Närvarande:', bold: true, gap: 30 },
  { text: 'Stadsdelsförvaltningen', bold: true, gap: 21 },
  { text: 'Tora Testsson, avdelningschef HR och kommunikation', gap: 16 },
  { text: 'Fackliga organisationer', bold: true, gap: 26 },
  { text: 'Vision: Vera Visionsdotter', gap: 16 },
  { text: 'Kommunal: Kim Kommunalsson', gap: 20 },
  { text: 'Tidpunkt:', bold: true, gap: 26 },
  { text: '14 maj 2024 kl. 13:00', gap: 16 },
  { text: 'Plats:', bold: true, gap: 26 },
  { text: 'Mötesrum Gläntan.', gap: 16 },
  { text: '1. Mötets öppnande', bold: true, size: 12, gap: 31 },
  { text: 'Tora Testsson öppnade mötet.', gap: 17 },
  { text: '2. Övriga frågor', bold: true, size: 12, gap: 31 },
  { text: `Vision undrar varför texten ${HOSTILE_TEXT} syns i nyhetsbrevet på intranätet.`, gap: 17 },
  { text: 'Arbetsgivaren svarar att det ska undersökas till nästa möte.', gap: 20 },
  { text: '3. Mötet avslutades', bold: true, size: 12, gap: 31 },
  { text: 'Tora Testsson avslutade mötet.', gap: 17 },
];

export async function hostileProtocolPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595, 842]);
  let y = 800;
  for (const line of LINES) {
    y -= line.gap ?? 16;
    page.drawText(line.text, { x: 71, y, size: line.size ?? 11, font: line.bold ? bold : regular, color: rgb(0, 0, 0) });
  }
  return pdf.save();
}
