// Protocol endpoints: the list with filters, sorting and paging (so the Arkiv page never loads 10,000 rows), one
// protocol with everything parsed from it (questions carry their ids), and its PDF — always the file the store
// holds for that id, never a path taken from the request.
import { Router } from 'express';
import { z } from 'zod';
import type { ProtocolSummary } from '../../ingest/store/types.ts';
import type { AppOptions } from '../app.ts';
import { HttpError } from '../http-error.ts';
import { isoDate, name, parseQueryParams, source } from './query-params.ts';
import { withinDates } from '../search/filters.ts';

/** Protocol ids are the first 16 hex digits of the file's sha256 (ingest/store/records.ts). */
const PROTOCOL_ID = /^[0-9a-f]{16}$/;

const SORTS = {
  date: (a: ProtocolSummary, b: ProtocolSummary) => byText(a.date, b.date) || byName(a.forvaltning, b.forvaltning),
  forvaltning: (a: ProtocolSummary, b: ProtocolSummary) => byName(a.forvaltning, b.forvaltning) || byText(a.date, b.date),
  body: (a: ProtocolSummary, b: ProtocolSummary) => byName(a.body, b.body) || byText(a.date, b.date),
  file: (a: ProtocolSummary, b: ProtocolSummary) => byName(a.file, b.file),
  pages: (a: ProtocolSummary, b: ProtocolSummary) => a.pages - b.pages || byText(a.date, b.date),
  questions: (a: ProtocolSummary, b: ProtocolSummary) => a.questions - b.questions || byText(a.date, b.date),
  openQuestions: (a: ProtocolSummary, b: ProtocolSummary) => a.openQuestions - b.openQuestions || byText(a.date, b.date),
} as const;

const listParams = z.object({
  forvaltning: name.optional(),
  body: name.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  source: source.optional(),
  /** Words in the file name. */
  file: z.string().trim().max(200).optional(),
  sort: z.enum(Object.keys(SORTS) as [keyof typeof SORTS, ...Array<keyof typeof SORTS>]).default('date'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).default(1),
  // An archive of 10,000 protocols is answered a page at a time; a page of 500 is the most a client may ask.
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export async function protocolRoutes(options: AppOptions): Promise<{ router: Router; close?: () => Promise<void> }> {
  const { store } = options;
  const router = Router();

  router.get('/protocols', async (req, res) => {
    const p = parseQueryParams(listParams, req);
    const fileWords = (p.file ?? '').toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
    const protocols = (await store.listProtocols())
      .filter((s) => !p.forvaltning || s.forvaltning === p.forvaltning)
      .filter((s) => !p.body || s.body === p.body)
      .filter((s) => withinDates(s.date, p.from, p.to))
      .filter((s) => !p.source || s.synthetic === (p.source === 'synthetic'))
      .filter((s) => fileWords.every((w) => s.file.toLocaleLowerCase('sv').includes(w)))
      .sort(SORTS[p.sort]);
    if (p.order === 'desc') protocols.reverse();
    const start = (p.page - 1) * p.pageSize;
    res.json({ total: protocols.length, page: p.page, pageSize: p.pageSize, protocols: protocols.slice(start, start + p.pageSize) });
  });

  router.get('/protocols/:id', async (req, res) => {
    const id = protocolIdParam(req.params.id);
    const protocol = await store.getProtocol(id);
    if (!protocol) throw new HttpError(404, `no protocol with id ${id}`);
    res.json(protocol);
  });

  router.get('/protocols/:id/pdf', async (req, res) => {
    const id = protocolIdParam(req.params.id);
    const pdf = await store.readPdf(id);
    if (!pdf) throw new HttpError(404, `no stored PDF for protocol ${id}`);
    const file = pdf.file.replace(/[^\p{L}\p{N}._-]/gu, '_');
    res.type('application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="${file}"`);
    res.send(Buffer.from(pdf.bytes.buffer, pdf.bytes.byteOffset, pdf.bytes.byteLength));
  });

  return { router };
}

function protocolIdParam(id: string): string {
  if (!PROTOCOL_ID.test(id)) throw new HttpError(400, 'bad parameter — id: expected 16 hexadecimal digits');
  return id;
}

const collator = new Intl.Collator('sv');

/** Swedish order, protocols without the value last. */
function byName(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return collator.compare(a, b);
}

function byText(a: string | null, b: string | null): number {
  return (a ?? '').localeCompare(b ?? '');
}
