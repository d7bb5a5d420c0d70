// Protocol endpoints: the list with filters and sorting, one protocol with everything parsed from it (questions carry their ids), and its
// PDF — always the file the store holds for that id, never a path taken from the request.
import { Router } from 'express';
import { z } from 'zod';
import type { ProtocolSummary } from '../../ingest/store/types.ts';
import type { AppOptions } from '../app.ts';
import { HttpError } from '../http-error.ts';
import { isoDate, name, parseQueryParams, source } from './query-params.ts';
import { withinDates } from '../search/filters.ts';

/** Protocol ids are the first 16 hex digits of the file's sha256 (ingest/store/records.ts). */
const PROTOCOL_ID = /^[0-9a-f]{16}$/;

const listParams = z.object({
  forvaltning: name.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  source: source.optional(),
  sort: z.enum(['date', 'forvaltning']).default('date'),
  order: z.enum(['asc', 'desc']).default('desc'),
});

export async function protocolRoutes(options: AppOptions): Promise<{ router: Router; close?: () => Promise<void> }> {
  const { store } = options;
  const router = Router();

  router.get('/protocols', async (req, res) => {
    const p = parseQueryParams(listParams, req);
    const protocols = (await store.listProtocols())
      .filter((s) => !p.forvaltning || s.forvaltning === p.forvaltning)
      .filter((s) => withinDates(s.date, p.from, p.to))
      .filter((s) => !p.source || s.synthetic === (p.source === 'synthetic'))
      .sort(p.sort === 'date' ? byDate : byForvaltning);
    if (p.order === 'desc') protocols.reverse();
    res.json({ protocols });
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

function byDate(a: ProtocolSummary, b: ProtocolSummary): number {
  return (a.date ?? '').localeCompare(b.date ?? '') || (a.forvaltning ?? '').localeCompare(b.forvaltning ?? '', 'sv');
}

function byForvaltning(a: ProtocolSummary, b: ProtocolSummary): number {
  return (a.forvaltning ?? '').localeCompare(b.forvaltning ?? '', 'sv') || (a.date ?? '').localeCompare(b.date ?? '');
}
