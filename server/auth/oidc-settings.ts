// Sign-in through the organisation's identity provider: the settings (from OIDC_* environment variables) and the
// mapping of the provider's claims to roles — pure, so the mapping is tested without a provider.
//   OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET   the provider and this app's client registration
//   OIDC_ROLE_CLAIM    the claim holding groups or roles (default "groups"; a string or a list of strings)
//   OIDC_ROLES         "value=role,value=role,*=role": which claim value gives which role; "*" gives everyone
//                      signed in by the provider a role (leave it out to admit only listed groups)
//   OIDC_REDIRECT_URI  this app's callback as registered at the provider (default: derived from the request)
import { isRole, roleAtLeast, type Role } from '../../ingest/store/accounts.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  roleClaim: string;
  /** Claim value → role; the key "*" applies to every user. */
  roles: Record<string, Role>;
  redirectUri?: string;
  /** Allows an http:// issuer (tests start their provider without TLS); never set from the environment. */
  allowHttp?: boolean;
}

export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  if (!env.OIDC_ISSUER) return undefined;
  if (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) throw new Error('OIDC_ISSUER is set: set OIDC_CLIENT_ID and OIDC_CLIENT_SECRET too');
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    roleClaim: env.OIDC_ROLE_CLAIM || 'groups',
    roles: parseRoleMap(env.OIDC_ROLES ?? ''),
    redirectUri: env.OIDC_REDIRECT_URI || undefined,
  };
}

export function parseRoleMap(text: string): Record<string, Role> {
  const map: Record<string, Role> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const role = pair.slice(at + 1).trim();
    if (at <= 0 || !isRole(role)) throw new Error(`OIDC_ROLES: "${pair}" is not VALUE=läsare|redaktör|admin`);
    map[pair.slice(0, at).trim()] = role;
  }
  return map;
}

/** The highest role the claims give, or null when none of the user's groups is mapped. */
export function roleFromClaims(claims: Record<string, unknown>, settings: Pick<OidcSettings, 'roleClaim' | 'roles'>): Role | null {
  const raw = claims[settings.roleClaim];
  const values = Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : typeof raw === 'string' ? [raw] : [];
  let best: Role | null = settings.roles['*'] ?? null;
  for (const value of values) {
    const role = settings.roles[value];
    if (role && (best === null || roleAtLeast(role, best))) best = role;
  }
  return best;
}
