// Routes of this module are being written; it mounts nothing yet.
import { Router } from 'express';
import type { AppOptions } from '../app.ts';

export async function searchRoutes(_options: AppOptions): Promise<{ router: Router; close?: () => Promise<void> }> {
  return { router: Router() };
}
