// Download links for a list or a table: CSV for Swedish Excel (semicolons, Swedish words) and an Excel workbook
// with real dates and numbers. Both ask the API for exactly the rows on screen, through the same query.
import { el } from '../dom.ts';
import { apiUrl } from '../api/client.ts';
import './export-links.css';

type Query = Record<string, string | number | undefined>;

/** "Exportera till Excel" (and CSV when the endpoint has one), for the API list at `path` with `query`. */
export function exportLinks(path: string, query: Query, fileName: string, options: { csv?: boolean; label?: string } = {}): HTMLElement {
  const what = options.label ? ` – ${options.label}` : '';
  return el(
    'p',
    { class: 'export-links' },
    el('a', { class: 'button', attrs: { href: apiUrl(`${path}.xlsx`, query), download: `${fileName}.xlsx`, 'aria-label': `Exportera till Excel${what}` } }, 'Exportera till Excel'),
    options.csv
      ? el('a', { class: 'button secondary', attrs: { href: apiUrl(`${path}.csv`, { ...query, delimiter: 'semicolon' }), download: `${fileName}.csv`, 'aria-label': `Exportera till CSV${what}` } }, 'CSV')
      : null,
  );
}
