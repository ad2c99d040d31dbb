import { ipv4Value, type BoundaryKind } from '../../api';
import type { SiteBoundaryRepository } from '../../db/repositories/site-boundary-repository';
import { contentUrlFolderOf, contentUrlSegment, packagePathOnDp } from '../../domain/distribution-points';
import { defaultContentBaseUrl, type ContentBaseUrl } from './content-url';
import { boundaryRange } from './site-boundaries';

export interface ContentRequest {
  readonly addresses: readonly string[];
  readonly adSite: string | null;
  readonly packageId: string;
  readonly sourceVersion: number;
  readonly fastNetwork: 'download' | 'runFromDp';
  readonly slowNetwork: 'doNotRun' | 'download' | 'runFromDp';
  readonly allowFallback: boolean;
}

export interface LocatedDp {
  readonly name: string;
  readonly uncPath: string;
  readonly httpUrl: string | null;
  readonly via: 'protected' | 'siteBoundary' | 'fallback';
}

export interface ContentLocation {
  readonly network: 'fast' | 'slow' | 'none';
  readonly action: 'download' | 'runFromDp' | 'doNotRun';
  readonly dps: readonly LocatedDp[];
  readonly reason: string;
}

/** Whether a boundary (a site boundary or a protected DP's) holds a client with these IPv4 addresses (as numbers) or AD site. */
export function boundaryHolds(kind: BoundaryKind, value: string, addresses: readonly number[], adSite: string | null): boolean {
  if (kind === 'adSite') return adSite !== null && value.toLowerCase() === adSite.toLowerCase();
  const range = boundaryRange(kind, value);
  return range !== null && addresses.some((address) => address >= range.low && address <= range.high);
}

/** The client's IPv4 addresses as numbers; anything else is refused by name. */
export function clientAddresses(texts: readonly string[]): number[] {
  const addresses: number[] = [];
  for (const text of texts) {
    const value = ipv4Value(text.trim());
    if (value === null) throw new Error(`"${text}" is not an IPv4 address (four numbers 0–255 with dots, such as 10.1.2.3).`);
    addresses.push(value);
  }
  return addresses;
}

/** A DP that holds the content (or, for the dry run, is about to), as the ranking needs it. */
export interface CandidateDp {
  readonly dpId: number;
  readonly protected: boolean;
}

/**
 * The ranking of content location on what the database says: `inside`, the site boundaries
 * holding the client; `holding`, the DPs with the content, by name; `protectedHits`, the protected
 * ones whose own boundaries hold the client. Pure, so the dry run of an advertisement applies it
 * to thousands of members with the boundaries read once.
 */
export function rankContentDps<D extends CandidateDp>(
  request: Pick<ContentRequest, 'fastNetwork' | 'slowNetwork' | 'allowFallback'>,
  inside: readonly { readonly connection: 'fast' | 'slow' }[],
  holding: readonly D[],
  protectedHits: ReadonlySet<number>,
): { network: ContentLocation['network']; action: ContentLocation['action']; dps: { dp: D; via: LocatedDp['via'] }[]; reason: string | null } {
  const network = inside.length === 0 ? 'none' : inside.some((b) => b.connection === 'fast') ? 'fast' : 'slow';
  if (holding.length === 0) return { network, action: 'doNotRun', dps: [], reason: null };
  const action = network === 'slow' ? request.slowNetwork : request.fastNetwork;
  if (network === 'slow' && action === 'doNotRun') {
    return { network, action, dps: [], reason: 'The client is on a slow boundary and the advertisement says not to run the program over a slow network.' };
  }
  const first = holding.filter((dp) => dp.protected && protectedHits.has(dp.dpId)).map((dp) => ({ dp, via: 'protected' as const }));
  const unprotected = holding.filter((dp) => !dp.protected);
  let rest: { dp: D; via: LocatedDp['via'] }[] = [];
  let reason: string;
  if (network !== 'none') {
    rest = unprotected.map((dp) => ({ dp, via: 'siteBoundary' as const }));
    reason = `The client is within a ${network} site boundary: ${first.length} protected and ${rest.length} unprotected distribution points hold the content.`;
  } else if (request.allowFallback) {
    rest = unprotected.map((dp) => ({ dp, via: 'fallback' as const }));
    reason = `The client is in no site boundary; the advertisement allows fallback, so ${rest.length} unprotected distribution points are offered after ${first.length} protected ones.`;
  } else {
    reason = first.length > 0
      ? `The client is in no site boundary and fallback is not allowed: only the ${first.length} protected distribution points whose boundaries hold it.`
      : 'The client is in no site boundary and fallback is not allowed: no distribution point is offered.';
  }
  const dps = [...first, ...rest];
  return { network, action: dps.length === 0 ? 'doNotRun' : action, dps, reason };
}

/**
 * Which distribution points a client should take a package's content from, and why (the suite's
 * content location: protected DPs whose boundaries hold the client first, other DPs only inside a
 * site boundary, unprotected ones outside it only when the advertisement allows fallback).
 * `contentUrl` gives a BITS-enabled DP's content service address (contentBaseUrl of its settings).
 */
export function locateContent(repo: SiteBoundaryRepository, request: ContentRequest, contentUrl: ContentBaseUrl = defaultContentBaseUrl): ContentLocation {
  const addresses = clientAddresses(request.addresses);
  const inside = repo.containing(addresses, request.adSite);
  const holding = repo.holding(request.packageId, request.sourceVersion);
  const protectedIds = holding.filter((dp) => dp.protected).map((dp) => dp.dpId);
  const dpBoundaries = protectedIds.length > 0 ? repo.boundariesOfDps(protectedIds) : [];
  const protectedHits = new Set(dpBoundaries.filter((b) => boundaryHolds(b.kind, b.value, addresses, request.adSite)).map((b) => b.dpId));
  const ranked = rankContentDps(request, inside, holding, protectedHits);
  if (holding.length === 0) {
    return { network: ranked.network, action: 'doNotRun', dps: [], reason: `No distribution point holds version ${request.sourceVersion} of package ${request.packageId} yet.` };
  }
  const located = ({ dp, via }: { dp: (typeof holding)[number]; via: LocatedDp['via'] }): LocatedDp => ({
    name: dp.dpName,
    uncPath: packagePathOnDp(dp.serverName, dp.shareName, dp.folder, dp.serverShare),
    httpUrl: dp.bitsEnabled ? `${contentUrl(dp.serverName)}/SMS_DP_${contentUrlSegment(dp.shareName)}/${contentUrlFolderOf(dp.folder, request.packageId).split('/').map(contentUrlSegment).join('/')}/` : null,
    via,
  });
  return { network: ranked.network, action: ranked.action, dps: ranked.dps.map(located), reason: ranked.reason ?? '' };
}
