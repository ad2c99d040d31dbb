import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new per-client secret: 32 random bytes, base64url; only its hash is stored. */
export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 hex: the secret is random and long, so a salted slow hash would add nothing. */
export function hashClientSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares hashes of equal length in constant time, so the time taken says nothing about the secret. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashClientSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === given.length && timingSafeEqual(given, stored);
}
