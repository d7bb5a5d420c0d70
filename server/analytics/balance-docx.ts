// The balanslista as a Word file (docx) to paste into the next meeting's kallelse: A4, the heading
// "Balanslista inför mötet den …" with the förvaltning and the date it was drawn up, then each group with its
// open questions — who asked, when, the question, and every meeting since with what was said.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { formatDate } from '../../web/src/format/dates.ts';
import type { BalanceItem, BalanceList } from './balance-list.ts';
import { meetingStatusWord, questionKindWord } from './swedish-values.ts';

export interface BalanceHeading {
  /** The meeting the list is for, "YYYY-MM-DD". */
  meetingDate: string;
  /** The day the list was drawn up, "YYYY-MM-DD". */
  drawnUp: string;
}

/** A4 in twentieths of a point, with 2 cm margins. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;

export function balanceHeading(meetingDate: string): string {
  return `Balanslista inför mötet den ${formatDate(meetingDate)}`;
}

export async function balanceDocx(list: BalanceList, heading: BalanceHeading): Promise<Buffer> {
  const document = new Document({
    creator: 'Protokollarkivet',
    title: balanceHeading(heading.meetingDate),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(balanceHeading(heading.meetingDate))] }),
          new Paragraph({
            children: [
              new TextRun({ text: 'Förvaltning: ', bold: true }),
              new TextRun(list.forvaltning),
              ...(list.body ? [new TextRun({ text: '   Organ: ', bold: true }), new TextRun(list.body)] : []),
            ],
          }),
          new Paragraph({ children: [new TextRun({ text: 'Upprättad: ', bold: true }), new TextRun(formatDate(heading.drawnUp))] }),
          new Paragraph({ children: [new TextRun(summary(list))], spacing: { after: 240 } }),
          ...list.groups.flatMap((group) => [
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${group.name} (${group.items.length})`)] }),
            ...group.items.flatMap((item) => itemParagraphs(item, list.by)),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function summary(list: BalanceList): string {
  if (list.total === 0) return 'Inga öppna frågor.';
  return list.total === 1 ? '1 öppen fråga.' : `${list.total} öppna frågor.`;
}

function itemParagraphs(item: BalanceItem, by: BalanceList['by']): Paragraph[] {
  const who = by === 'party' ? questionKindWord(item.kind) : `${item.party ?? 'Okänd part'} – ${questionKindWord(item.kind).toLowerCase()}`;
  const asked = `ställd ${formatDate(item.asked.date)}, § ${item.asked.section} ${item.asked.sectionTitle}`;
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: [new TextRun(`${who}, ${asked}`)] }),
    new Paragraph({ keepNext: item.since.length > 0, children: [new TextRun(item.text)] }),
    ...(item.firstReply ? [said('Svar vid mötet', item.firstReply)] : []),
    ...item.since.map(
      (step) =>
        new Paragraph({
          bullet: { level: 0 },
          children: [
            new TextRun({ text: `${formatDate(step.date)}, § ${step.section} (${meetingStatusWord(step.status).toLowerCase()}): `, bold: true }),
            new TextRun(step.raised),
            ...(step.reply ? [new TextRun({ text: ' Svar: ', italics: true }), new TextRun(step.reply)] : []),
          ],
        }),
    ),
    new Paragraph({ alignment: AlignmentType.LEFT, spacing: { after: 160 }, children: [] }),
  ];
}

function said(label: string, text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, italics: true }), new TextRun(text)] });
}
