// Archive endpoints: the ingest report (GET /api/sources), archive status (GET /api/status) and PDF upload
// (POST /api/upload, for redaktörer: the role is declared in server/auth/route-roles.ts). Embedded, an upload is
// stored under dataDir/uploads/<sha256>.pdf — a name derived from its bytes, never from the request — and goes
// through the same ingest runner as the CLI; a scanned upload is answered at once (202, status 'ocr': being read by
// OCR) and appears when OCR is done, followed at GET /api/uploads/:id. In server mode an upload is handed to
// `ingestUpload` (the database's job queue), which ends in the same runner, OCR included.
import express, { Router } from 'express';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { availableParallelism } from 'node:os';
import type { BackgroundIngest } from '../../ingest/run/background-ingest.ts';
import type { ParsePool } from '../../ingest/run/parse-pool.ts';
import type { FileResult } from '../../ingest/run/ingest.ts';
import type { AppOptions } from '../app.ts';
import { HttpError } from '../http-error.ts';
import { sha256 } from '../../ingest/parse-identity.ts';
import { roleAtLeast } from '../../ingest/store/accounts.ts';

/** Largest PDF accepted by upload; archived protocols are a few hundred kB, scanned ones a few MB. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const UploadQuery = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    // Only a display name: any folder part a browser sent along is dropped, and control characters refused.
    .transform((name) => name.split(/[\\/]/).pop() ?? name)
    .refine((name) => name.length > 0 && !/[\u0000-\u001f\u007f]/.test(name), 'name must be a file name')
    // The bytes decide whether it is a PDF; the name only needs to read as one in the archive list.
    .transform((name) => (name.toLowerCase().endsWith('.pdf') ? name : `${name}.pdf`))
    .default('uppladdat-protokoll.pdf'),
});

/** Writes the upload under its content hash; a second upload of the same bytes finds the file already there. */
async function storeUpload(dataDir: string, bytes: Uint8Array): Promise<string> {
  const folder = join(dataDir, 'uploads');
  await mkdir(folder, { recursive: true });
  const hash = sha256(bytes);
  const path = join(folder, `${hash}.pdf`);
  const partial = join(folder, `${hash}.${process.pid}.${Date.now()}.part`);
  await writeFile(partial, bytes);
  await rename(partial, path);
  return path;
}

export async function archiveRoutes(options: AppOptions): Promise<{ router: Router; close?: () => Promise<void> }> {
  const { store } = options;
  const router = Router();
  // One parse worker for uploads, started by the first upload and kept warm for the next ones.
  let pool: ParsePool | undefined;
  let uploads: BackgroundIngest | undefined;

  // The ingest runner pulls in the PDF pipeline (pdf.js, which also replaces JSON.stringify with a slower
  // polyfill): loaded on the first upload, not on every start.
  const background = async (): Promise<BackgroundIngest> => {
    if (uploads) return uploads;
    const { localBackgroundIngest, queuedBackgroundIngest } = await import('../../ingest/run/background-ingest.ts');
    if (options.ingestUpload) {
      uploads = queuedBackgroundIngest(options.ingestUpload);
      return uploads;
    }
    const { startParsePool } = await import('../../ingest/run/parse-pool.ts');
    const { localOcrRunner } = await import('../../ingest/run/ocr-stage.ts');
    // One OCR run at a time, reading as many pages at once as there are cores.
    const ocr = localOcrRunner({ concurrency: 1, jobs: availableParallelism() });
    uploads ??= localBackgroundIngest({ store, pool: () => (pool ??= startParsePool({ size: 1 })), ocr, ocrDir: join(options.dataDir, 'ocr') });
    return uploads;
  };

  router.get('/sources', async (_req, res) => {
    const sources = await store.listSources();
    res.json({
      sources: sources.map((s) => ({
        id: s.id,
        path: s.name,
        status: s.status,
        errorKind: s.errorKind,
        error: s.error,
        errorPage: s.errorPage,
        pages: s.pages,
        ingestedAt: s.ingestedAt,
        protocolId: s.protocolId,
      })),
      summary: {
        ok: sources.filter((s) => s.status === 'ok').length,
        failed: sources.filter((s) => s.status === 'failed').length,
      },
      // Uploads being read by OCR: not in the archive yet, but given to it.
      reading: uploads?.reading() ?? [],
    });
  });

  router.get('/uploads/:id', async (req, res) => {
    const id = req.params.id;
    if (!/^[0-9a-f]{16}$/.test(id)) throw new HttpError(400, 'bad parameter — id: expected 16 hexadecimal digits');
    const state = uploads?.state(id) ?? (await options.uploadState?.(id));
    if (!state) throw new HttpError(404, `no upload ${id} in hand`);
    res.json(state);
  });

  router.get('/status', async (_req, res) => {
    const counts = await store.counts();
    res.json({
      protocols: counts.protocols,
      sections: counts.sections,
      revision: await store.revision(),
      // Uploads need a redaktör (or ADMIN_TOKEN): off while the server has neither.
      uploadsEnabled: Boolean(options.adminToken) || (await store.accounts.listUsers()).some((u) => roleAtLeast(u.role, 'redaktör')),
    });
  });

  router.post(
    '/upload',
    express.raw({ type: ['application/pdf', 'application/octet-stream'], limit: MAX_UPLOAD_BYTES }),
    async (req, res) => {
      const query = UploadQuery.safeParse(req.query);
      if (!query.success) throw new HttpError(400, 'invalid upload name', z.treeifyError(query.error));
      if (!Buffer.isBuffer(req.body)) {
        throw new HttpError(415, 'send the PDF itself as the request body, with Content-Type: application/pdf');
      }
      const bytes = new Uint8Array(req.body);
      // Server mode keeps the bytes in the database (the job's payload); embedded keeps the file under dataDir.
      const path = options.ingestUpload ? `uploads/${sha256(bytes)}.pdf` : await storeUpload(options.dataDir, bytes);
      const state = await (await background()).submit({ path, name: query.data.name, bytes });
      if (state.status === 'ocr') {
        return void res.status(202).json({ id: state.id, status: 'ocr', message: 'being read (OCR)', pages: state.pages, statusUrl: `/api/uploads/${state.id}` });
      }
      if (state.status !== 'failed') return void res.status(201).json({ protocolId: state.protocolId, status: state.status });
      res.status(422).json({ error: state.error });
    },
  );

  return {
    router,
    close: async () => {
      await uploads?.idle();
      await pool?.close();
    },
  };
}
