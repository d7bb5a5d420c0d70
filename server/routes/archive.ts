// Archive endpoints: the ingest report (GET /api/sources), archive status (GET /api/status) and PDF upload
// (POST /api/upload, for redaktörer: the role is declared in server/auth/route-roles.ts). An upload is stored under dataDir/uploads/<sha256>.pdf — a name derived from its
// bytes, never from the request — and goes through the same ingest runner as the CLI.
import express, { Router } from 'express';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ParsePool } from '../../ingest/run/parse-pool.ts';
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
    });
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
      const path = await storeUpload(options.dataDir, bytes);
      // The ingest runner pulls in the PDF pipeline (pdf.js, which also replaces JSON.stringify with a slower
      // polyfill): loaded on the first upload, not on every start.
      const { ingestFiles } = await import('../../ingest/run/ingest.ts');
      const { startParsePool } = await import('../../ingest/run/parse-pool.ts');
      pool ??= startParsePool({ size: 1 });
      const report = await ingestFiles([{ path, name: query.data.name }], { store, jobs: 1, pool });
      const result = report.results[0];
      if (result.status === 'ingested') return void res.status(201).json({ protocolId: result.protocolId, status: 'ingested' });
      if (result.status === 'unchanged' && result.previous === 'ok') {
        return void res.status(201).json({ protocolId: result.protocolId, status: 'unchanged' });
      }
      const reason = result.status === 'failed' ? result.failure.reason : (result.reason ?? 'could not be ingested');
      res.status(422).json({ error: reason });
    },
  );

  return { router, close: async () => pool?.close() };
}
