// Who may call what: the one table of every state-changing API route and the role it needs, plus the reads that
// are not for every läsare. The identity middleware (identity.ts) refuses any state-changing request whose route
// is not in this table, so a new POST/PATCH/DELETE route that nobody declared here cannot be reached at all.
import type { Role } from '../../ingest/store/accounts.ts';

export interface RouteRule {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Express-style path under /api, with :params. */
  path: string;
  /** The role needed; 'anyone' for routes that must work signed out (signing in). */
  role: Role | 'anyone';
  /** Reads that work signed out even when READ_ACCESS=login (the sign-in routes themselves). */
  publicRead?: boolean;
}

export const ROUTE_RULES: readonly RouteRule[] = [
  { method: 'POST', path: '/session', role: 'anyone' },
  { method: 'DELETE', path: '/session', role: 'anyone' },
  { method: 'GET', path: '/session', role: 'anyone', publicRead: true },
  { method: 'GET', path: '/auth/oidc/start', role: 'anyone', publicRead: true },
  { method: 'GET', path: '/auth/oidc/callback', role: 'anyone', publicRead: true },
  { method: 'GET', path: '/auth/config', role: 'anyone', publicRead: true },

  { method: 'POST', path: '/upload', role: 'redaktör' },
  { method: 'PATCH', path: '/questions/:id', role: 'redaktör' },
  { method: 'DELETE', path: '/questions/:id', role: 'redaktör' },
  { method: 'POST', path: '/protocols/:id/questions', role: 'redaktör' },
  { method: 'PATCH', path: '/protocols/:id', role: 'redaktör' },
  { method: 'POST', path: '/corrections/:id/undo', role: 'redaktör' },

  // A watch belongs to its user: every signed-in user keeps their own. The feed's secret URL is its own key.
  { method: 'GET', path: '/watches', role: 'läsare' },
  { method: 'POST', path: '/watches', role: 'läsare' },
  { method: 'DELETE', path: '/watches/:id', role: 'läsare' },
  { method: 'POST', path: '/watches/:id/seen', role: 'läsare' },
  { method: 'GET', path: '/feeds/:file', role: 'anyone', publicRead: true },

  { method: 'GET', path: '/users', role: 'admin' },
  { method: 'POST', path: '/users', role: 'admin' },
  { method: 'DELETE', path: '/users/:name', role: 'admin' },
];

export interface CompiledRule extends RouteRule {
  pattern: RegExp;
}

function compile(rule: RouteRule): CompiledRule {
  const source = rule.path
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { ...rule, pattern: new RegExp(`^${source}/?$`) };
}

const COMPILED = ROUTE_RULES.map(compile);

/** The rule for a request under /api (`path` without the /api prefix), if one is declared. */
export function ruleFor(method: string, path: string): CompiledRule | undefined {
  const wanted = method === 'HEAD' ? 'GET' : method;
  return COMPILED.find((rule) => rule.method === wanted && rule.pattern.test(path));
}

export function isStateChanging(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method);
}
