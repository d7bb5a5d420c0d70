// Status messages shared by the views: loading, errors from the API, and empty results.
import { el } from '../dom.ts';
import { ApiError } from '../api/client.ts';

export function loading(text = 'Hämtar …'): HTMLElement {
  return el('p', { class: 'loading', attrs: { role: 'status' } }, text);
}

/** An alert that says what could not be loaded and the server's reason. */
export function errorMessage(what: string, error: unknown): HTMLElement {
  const reason =
    error instanceof ApiError
      ? error.status === 404 && error.message === 'no such API endpoint'
        ? 'tjänsten finns inte på servern ännu'
        : error.message
      : error instanceof Error
        ? error.message
        : String(error);
  return el('div', { class: 'error', attrs: { role: 'alert' } }, el('strong', {}, `${what}: `), reason);
}
