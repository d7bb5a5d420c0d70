// Sign-in attempts counted per user name and per address over a sliding window: a password guesser gets a few
// tries per account and a few dozen per address, then a 429 until the window has passed. Kept in memory: a
// restart forgets the counts, which costs a guesser nothing they could not get by waiting the window out.

export interface RateLimitOptions {
  windowMs: number;
  maxPerUser: number;
  maxPerAddress: number;
}

export const DEFAULT_SIGN_IN_LIMITS: RateLimitOptions = { windowMs: 15 * 60_000, maxPerUser: 5, maxPerAddress: 20 };

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly options: RateLimitOptions = DEFAULT_SIGN_IN_LIMITS) {}

  /** Whether another attempt for this user from this address may be checked now. */
  allows(user: string, address: string, now = Date.now()): boolean {
    return (
      this.recent(`u:${user.toLowerCase()}`, now) < this.options.maxPerUser &&
      this.recent(`a:${address}`, now) < this.options.maxPerAddress
    );
  }

  failed(user: string, address: string, now = Date.now()): void {
    for (const key of [`u:${user.toLowerCase()}`, `a:${address}`]) {
      const list = this.failures.get(key) ?? [];
      list.push(now);
      this.failures.set(key, list);
    }
  }

  /** A successful sign-in clears the user's failures (not the address's: one right password opens no door for guesses). */
  succeeded(user: string): void {
    this.failures.delete(`u:${user.toLowerCase()}`);
  }

  private recent(key: string, now: number): number {
    const list = this.failures.get(key);
    if (!list) return 0;
    const fresh = list.filter((t) => now - t < this.options.windowMs);
    if (fresh.length === 0) this.failures.delete(key);
    else this.failures.set(key, fresh);
    return fresh.length;
  }
}
