import { CourierError, ipv4Value, parseBoundary, type BoundaryKind } from '../../api';
import type { SiteBoundaryRecord, SiteBoundaryRepository } from '../../db/repositories/site-boundary-repository';

/** The first and last address of an IP subnet or range in its normal spelling; null for an AD site. */
export function boundaryRange(kind: BoundaryKind, value: string): { low: number; high: number } | null {
  if (kind === 'adSite') return null;
  if (kind === 'ipRange') {
    const dash = value.indexOf('-');
    const low = ipv4Value(value.slice(0, dash));
    const high = ipv4Value(value.slice(dash + 1));
    return low === null || high === null ? null : { low, high };
  }
  const slash = value.indexOf('/');
  const low = ipv4Value(value.slice(0, slash));
  return low === null ? null : { low, high: low + 2 ** (32 - Number(value.slice(slash + 1))) - 1 };
}

/**
 * Adds a site boundary after checking it. The errors are the contract's, naming the field, as
 * the schema's would: this is called past the schema too (tests, tools), and a plain Error would
 * reach IPC, HTTP and the CLI as an internal failure.
 */
export function addSiteBoundary(repo: SiteBoundaryRepository, input: { kind: BoundaryKind; value: string; description: string; connection: 'fast' | 'slow' }, now: Date): SiteBoundaryRecord {
  const parsed = parseBoundary(input.kind, input.value);
  if (!parsed.ok) throw new CourierError('VALIDATION_FAILED', parsed.problem, 'value');
  if (input.description.length > 255) throw new CourierError('VALIDATION_FAILED', `A boundary's description can be at most 255 characters (${input.description.length} given).`, 'description');
  const twin = repo.list().find((b) => b.kind === input.kind && b.value.toLowerCase() === parsed.value.toLowerCase());
  if (twin) throw new CourierError('CONFLICT', `The site already has the boundary ${twin.value} (ID ${twin.id}).`, 'value');
  const range = boundaryRange(input.kind, parsed.value);
  const id = repo.insert({ kind: input.kind, value: parsed.value, description: input.description, connection: input.connection, ipLow: range?.low ?? null, ipHigh: range?.high ?? null, createdAt: now.toISOString() });
  return { id, kind: input.kind, value: parsed.value, description: input.description, connection: input.connection };
}
