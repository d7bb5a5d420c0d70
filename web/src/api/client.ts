// Calls to the archive's HTTP API. Every function returns the parsed JSON or throws ApiError carrying the
// server's own message, which the views show to the user.
import type {
  ArchiveStatus,
  EmergingResponse,
  Facets,
  ProtocolSummary,
  QuestionsResponse,
  SearchResponse,
  SourcesResponse,
  StatusOverTimeRow,
  StoredProtocol,
  Topic,
  TrendsResponse,
  MatrixRow,
  UploadResult,
} from './types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Query = URLSearchParams | Record<string, string | number | undefined>;

/** `/api/search?q=…` from a path and the non-empty entries of a query. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  const entries = query instanceof URLSearchParams ? [...query.entries()] : Object.entries(query);
  for (const [key, value] of entries) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

export async function readError(response: Response): Promise<ApiError> {
  let message = `${response.status} ${response.statusText}`;
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string') message = body.error;
  } catch {
    // Not JSON (a proxy error page, say): the status line is the best we have.
  }
  return new ApiError(response.status, message);
}

async function getJson<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  const response = await fetch(apiUrl(path, query), { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw await readError(response);
  return (await response.json()) as T;
}

export const api = {
  search: (query: Query) => getJson<SearchResponse>('/search', query),
  facets: (query: Query = {}) => getJson<Facets>('/facets', query),
  suggest: (prefix: string, signal?: AbortSignal) =>
    getJson<{ suggestions: string[] }>('/suggest', { q: prefix }, signal),
  protocols: (query: Query) => getJson<{ protocols: ProtocolSummary[] }>('/protocols', query),
  protocol: (id: string) => getJson<StoredProtocol>(`/protocols/${encodeURIComponent(id)}`),
  topics: () => getJson<{ topics: Topic[] }>('/topics'),
  trends: (query: Query) => getJson<TrendsResponse>('/trends', query),
  matrix: (query: Query) => getJson<{ rows: MatrixRow[] }>('/trends/matrix', query),
  emerging: (query: Query) => getJson<EmergingResponse>('/emerging', query),
  questions: (query: Query) => getJson<QuestionsResponse>('/questions', query),
  questionsOverTime: (query: Query) => getJson<{ rows: StatusOverTimeRow[] }>('/questions/over-time', query),
  sources: () => getJson<SourcesResponse>('/sources'),
  status: () => getJson<ArchiveStatus>('/status'),

  /** Sends a PDF as the raw request body, as a signed-in redaktör (with the CSRF token) or with a bearer token. */
  async upload(file: File, token: string, csrfToken?: string): Promise<UploadResult> {
    const response = await fetch(apiUrl('/upload', { name: file.name }), {
      method: 'POST',
      headers: {
        'content-type': 'application/pdf',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      body: file,
    });
    if (!response.ok) throw await readError(response);
    return (await response.json()) as UploadResult;
  },
};

export function pdfUrl(protocolId: string): string {
  return `/api/protocols/${encodeURIComponent(protocolId)}/pdf`;
}
