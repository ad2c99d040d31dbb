import { ipv4Value, parseBoundary, type BoundaryKind } from '../../api';
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

/** Adds a site boundary after checking it; the error names what is wrong. */
export function addSiteBoundary(repo: SiteBoundaryRepository, input: { kind: BoundaryKind; value: string; description: string; connection: 'fast' | 'slow' }, now: Date): SiteBoundaryRecord {
  const parsed = parseBoundary(input.kind, input.value);
  if (!parsed.ok) throw new Error(parsed.problem);
  if (input.description.length > 255) throw new Error(`A boundary's description can be at most 255 characters (${input.description.length} given).`);
  if (repo.list().some((b) => b.kind === input.kind && b.value.toLowerCase() === parsed.value.toLowerCase())) throw new Error(`The site already has the boundary ${parsed.value}.`);
  const range = boundaryRange(input.kind, parsed.value);
  const id = repo.insert({ kind: input.kind, value: parsed.value, description: input.description, connection: input.connection, ipLow: range?.low ?? null, ipHigh: range?.high ?? null, createdAt: now.toISOString() });
  return { id, kind: input.kind, value: parsed.value, description: input.description, connection: input.connection };
}
