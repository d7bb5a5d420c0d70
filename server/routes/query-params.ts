// Validation of query parameters with zod: a bad parameter becomes a 400 whose message names the parameter
// and what was expected, so an API user can fix the request without reading code.
import type { Request } from 'express';
import { z } from 'zod';
import { HttpError } from '../http-error.ts';

/** ISO date "YYYY-MM-DD" or month "YYYY-MM". */
export const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'expected a date YYYY-MM-DD or a month YYYY-MM');

/** A short free-text value (a förvaltning, party or topic name). */
export const name = z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters');

/** Real protocols only, or the generated (synthetic) ones that fill the demo archive. */
export const source = z.enum(['real', 'synthetic']);

export function parseQueryParams<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  const parsed = schema.safeParse(req.query);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`);
  throw new HttpError(400, `bad parameter — ${problems.join('; ')}`, parsed.error.issues);
}
