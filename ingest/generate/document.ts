// The generator's page-independent protocol: a letterhead and a sequence of typed blocks. Composing a meeting
// produces one; the PDF writer lays it out on A4 pages. Keeping the two apart lets tests read the text of a
// generated protocol without rendering it.

export type Block =
  /** "Protokoll från förvaltningsgruppen den 12 mars 2024", bold 16. */
  | { kind: 'title'; text: string }
  /** The synthetic marker under the title, regular 9. */
  | { kind: 'marker'; text: string }
  /** "Närvarande", "Förhinder", "Tidpunkt:", bold 11. */
  | { kind: 'label'; text: string }
  /** An agenda heading ("5.1.1 Information från ledningsgruppen"), bold 12. */
  | { kind: 'heading'; text: string }
  /** Running text, regular 11, wrapped at the right margin. */
  | { kind: 'paragraph'; text: string }
  /** "Underskriftens äkthet valideras här: …", regular 8, after the signatures. */
  | { kind: 'validation'; text: string };

export interface ProtocolDocument {
  /** "Hägersten-Älvsjö stadsdelsförvaltning". */
  letterhead: string;
  /** "Protokoll 2024-03-12" or just "Protokoll", printed on the letterhead's line. */
  headerRight: string;
  /** Address block printed at the foot of every page, or null. */
  addressFooter: string[] | null;
  /** Meeting date (ISO), used as the PDF's creation date so output is reproducible. */
  date: string;
  blocks: Block[];
}
