// Finds the PDFs to ingest under the files and folders a user named: folders are walked recursively,
// hidden files and folders (".git", ".DS_Store", macOS "._x.pdf" shadows) are skipped, and ".pdf" matches in any case.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Failure } from '../model.ts';

export interface Discovery {
  /** PDF paths in a stable order: as named, folders' contents sorted by name. */
  files: string[];
  /** Named paths that could not be read at all. */
  unreadable: Failure[];
}

function isHidden(name: string): boolean {
  return name.startsWith('.');
}

function isPdfName(name: string): boolean {
  return name.toLowerCase().endsWith('.pdf');
}

function unreadable(path: string, err: unknown): Failure {
  const code = (err as { code?: string }).code;
  const reason =
    code === 'ENOENT' ? 'not found: no such file or folder'
    : code === 'EACCES' || code === 'EPERM' ? 'cannot be read: permission denied'
    : `cannot be read: ${(err as Error).message}`;
  return { file: path, kind: 'io', reason };
}

async function walk(folder: string, found: Discovery): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (err) {
    found.unreadable.push(unreadable(folder, err));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (isHidden(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await walk(path, found);
    else if (entry.isFile() && isPdfName(entry.name)) found.files.push(path);
  }
}

/** Lists the PDFs under `paths`. A file named explicitly is taken whatever its extension. */
export async function discoverPdfs(paths: string[]): Promise<Discovery> {
  const found: Discovery = { files: [], unreadable: [] };
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walk(path, found);
      else found.files.push(path);
    } catch (err) {
      found.unreadable.push(unreadable(path, err));
    }
  }
  return found;
}
