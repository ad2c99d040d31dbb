import { describe, expect, it } from 'vitest';
import { hashClientSecret, newClientSecret, secretMatches } from './client-secret';

describe('client secrets', () => {
  it('are random, stored as a 64-digit hash, and match only themselves', () => {
    const one = newClientSecret();
    const two = newClientSecret();
    expect(one).not.toBe(two);
    const stored = hashClientSecret(one);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(one);
    expect(secretMatches(one, stored)).toBe(true);
    expect(secretMatches(two, stored)).toBe(false);
    expect(secretMatches(one, 'abc')).toBe(false);
  });
});
