import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomicSync } from '../files/atomic-write';

/**
 * What registration gave this client: its resource ID and the secret it proves itself with on
 * every request. Kept in `identity.json`, readable by its owner only (the secret is a password).
 */
export const clientIdentitySchema = z.strictObject({
  managementPoint: z.string(),
  siteCode: z.string(),
  resourceId: z.number().int().positive(),
  smsUniqueIdentifier: z.string().min(1).max(256),
  secret: z.string().min(16).max(256),
  approval: z.enum(['approved', 'pending', 'blocked']),
  policyPollingMinutes: z.number().int().positive(),
  registeredAt: z.string(),
});
export type ClientIdentity = z.output<typeof clientIdentitySchema>;

export const identityFileName = 'identity.json';

export function readIdentity(clientDir: string): ClientIdentity | null {
  const path = join(clientDir, identityFileName);
  if (!existsSync(path)) return null;
  if (statSync(path).size > 16 * 1024) throw new Error(`${path} is larger than 16 KiB, which no identity is; delete it to register again.`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new Error(`${path} is not JSON; delete it to register again (the site's admin may have to reset this client).`);
  }
  const parsed = clientIdentitySchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}; delete it to register again.`);
  return parsed.data;
}

export function writeIdentity(clientDir: string, identity: ClientIdentity): void {
  writeFileAtomicSync(join(clientDir, identityFileName), `${JSON.stringify(identity, null, 1)}\n`, { fsync: true, mode: 0o600 });
}
