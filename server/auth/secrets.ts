// Random secrets (session ids, CSRF tokens, personal API tokens) and the digests the store keeps instead of them.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, URL-safe: 256 bits, beyond guessing. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Personal API tokens carry a prefix so that a leaked one is recognisable in a secret scanner or a paste. */
export function newApiToken(): string {
  return `pa_${newSecret()}`;
}

/** What the store keeps of a session id or token: a fast hash suffices, since the secret is random and long. */
export function digestOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two secrets in constant time (over their digests, so lengths never leak either). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
