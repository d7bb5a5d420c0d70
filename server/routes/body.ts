// Validation of JSON request bodies with zod: a bad body becomes a 400 naming the field and what was expected.
import type { Request } from 'express';
import { z } from 'zod';
import { HttpError } from '../http-error.ts';

export function parseBody<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  const parsed = schema.safeParse(req.body ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
  throw new HttpError(400, `bad request body — ${problems.join('; ')}`, parsed.error.issues);
}
