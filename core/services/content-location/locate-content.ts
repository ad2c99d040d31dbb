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

function boundaryHolds(kind: BoundaryKind, value: string, addresses: readonly number[], adSite: string | null): boolean {
  if (kind === 'adSite') return adSite !== null && value.toLowerCase() === adSite.toLowerCase();
  const range = boundaryRange(kind, value);
  return range !== null && addresses.some((address) => address >= range.low && address <= range.high);
}

/**
 * Which distribution points a client should take a package's content from, and why (the suite's
 * content location: protected DPs whose boundaries hold the client first, other DPs only inside a
 * site boundary, unprotected ones outside it only when the advertisement allows fallback).
 * `contentUrl` gives a BITS-enabled DP's content service address (contentBaseUrl of its settings).
 */
export function locateContent(repo: SiteBoundaryRepository, request: ContentRequest, contentUrl: ContentBaseUrl = defaultContentBaseUrl): ContentLocation {
  const addresses: number[] = [];
  for (const text of request.addresses) {
    const value = ipv4Value(text.trim());
    if (value === null) throw new Error(`"${text}" is not an IPv4 address (four numbers 0–255 with dots, such as 10.1.2.3).`);
    addresses.push(value);
  }
  const inside = repo.containing(addresses, request.adSite);
  const network = inside.length === 0 ? 'none' : inside.some((b) => b.connection === 'fast') ? 'fast' : 'slow';
  const holding = repo.holding(request.packageId, request.sourceVersion);
  if (holding.length === 0) {
    return { network, action: 'doNotRun', dps: [], reason: `No distribution point holds version ${request.sourceVersion} of package ${request.packageId} yet.` };
  }
  const action = network === 'slow' ? request.slowNetwork : request.fastNetwork;
  if (network === 'slow' && action === 'doNotRun') {
    return { network, action, dps: [], reason: 'The client is on a slow boundary and the advertisement says not to run the program over a slow network.' };
  }
  const protectedIds = holding.filter((dp) => dp.protected).map((dp) => dp.dpId);
  const dpBoundaries = protectedIds.length > 0 ? repo.boundariesOfDps(protectedIds) : [];
  const protectedHits = new Set(dpBoundaries.filter((b) => boundaryHolds(b.kind, b.value, addresses, request.adSite)).map((b) => b.dpId));
  const located = (dp: (typeof holding)[number], via: LocatedDp['via']): LocatedDp => ({
    name: dp.dpName,
    uncPath: packagePathOnDp(dp.serverName, dp.shareName, dp.folder, dp.serverShare),
    httpUrl: dp.bitsEnabled ? `${contentUrl(dp.serverName)}/SMS_DP_${contentUrlSegment(dp.shareName)}/${contentUrlFolderOf(dp.folder, request.packageId).split('/').map(contentUrlSegment).join('/')}/` : null,
    via,
  });
  const first = holding.filter((dp) => protectedHits.has(dp.dpId)).map((dp) => located(dp, 'protected'));
  const unprotected = holding.filter((dp) => !dp.protected);
  let rest: LocatedDp[] = [];
  let reason: string;
  if (network !== 'none') {
    rest = unprotected.map((dp) => located(dp, 'siteBoundary'));
    reason = `The client is within a ${network} site boundary: ${first.length} protected and ${rest.length} unprotected distribution points hold the content.`;
  } else if (request.allowFallback) {
    rest = unprotected.map((dp) => located(dp, 'fallback'));
    reason = `The client is in no site boundary; the advertisement allows fallback, so ${rest.length} unprotected distribution points are offered after ${first.length} protected ones.`;
  } else {
    reason = first.length > 0
      ? `The client is in no site boundary and fallback is not allowed: only the ${first.length} protected distribution points whose boundaries hold it.`
      : 'The client is in no site boundary and fallback is not allowed: no distribution point is offered.';
  }
  const dps = [...first, ...rest];
  return { network, action: dps.length === 0 ? 'doNotRun' : action, dps, reason };
}
