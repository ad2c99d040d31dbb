import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 24 random bytes: long enough that guessing is hopeless, short enough to paste. */
export function createSessionToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Compares in constant time. Hashing first gives both sides the same length, so the
 * comparison does not leak the token's length either.
 */
export function tokenMatches(expected: string, presented: string | null | undefined): boolean {
  if (presented === null || presented === undefined || presented === '') return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(presented).digest();
  return timingSafeEqual(a, b);
}

export function bearerToken(authorization: string | undefined): string | null {
  if (authorization === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1] ?? null;
}
