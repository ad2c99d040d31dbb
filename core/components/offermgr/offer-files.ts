import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { resourceTypes, type ResourceType } from '../../api';
import { writeFileAtomic } from '../../content/distribution/manifest';
import type { OfferRecord, OfferRepository } from '../../db/repositories/offer-repository';
import type { SiteRoot } from '../../site/site-root';
import type { OfferBody } from './offer-body';
import { offerFilesFolder } from './names';

export const offerFileFormat = 'courier-offer';
export const instructionFileFormat = 'courier-offer-instructions';
export const lookupFileFormat = 'courier-offer-lookup';

/** `<AdvertisementID>.ofr`: the offer, what every resource that gets it is offered. */
export interface OfferFile {
  readonly format: typeof offerFileFormat;
  readonly formatVersion: 1;
  readonly siteCode: string;
  readonly advertisementId: string;
  readonly offer: OfferBody;
}

/** `<AdvertisementID>.ins`: whom the offer is for, and through which collections. */
export interface InstructionFile {
  readonly format: typeof instructionFileFormat;
  readonly formatVersion: 1;
  readonly siteCode: string;
  readonly advertisementId: string;
  readonly collectionId: string;
  readonly includeSubcollections: boolean;
  /** Every collection it reaches: its own and, with subcollections, each one below. */
  readonly collections: readonly string[];
  readonly resourceCount: number;
  /** How many resources each member collection brings it. */
  readonly through: readonly { readonly collectionId: string; readonly resources: number }[];
}

/** The first line of a lookup file; each further line is `<ResourceID><TAB><AdvertisementID>,<AdvertisementID>…`. */
export interface LookupHeader {
  readonly format: typeof lookupFileFormat;
  readonly formatVersion: 1;
  readonly siteCode: string;
  readonly resourceType: ResourceType;
}

export interface LookupFile {
  readonly header: LookupHeader;
  readonly entries: ReadonlyMap<number, readonly string[]>;
}

const lookupSuffix: Readonly<Record<ResourceType, string>> = { system: 'systm', user: 'usr', userGroup: 'usrgrp' };
const lookupPageSize = 5_000;

export function offerFilesPath(root: SiteRoot): string {
  return join(root.inboxes, offerFilesFolder);
}

/** `A01systm.lkp`, `A01usr.lkp`, `A01usrgrp.lkp`. */
export function lookupFileName(siteCode: string, resourceType: ResourceType): string {
  return `${siteCode}${lookupSuffix[resourceType]}.lkp`;
}

function pathOf(root: SiteRoot, advertisementId: string, extension: 'ofr' | 'ins'): string {
  return join(offerFilesPath(root), `${advertisementId}.${extension}`);
}

export function offerFileText(siteCode: string, offer: OfferRecord): string {
  const file: OfferFile = { format: offerFileFormat, formatVersion: 1, siteCode, advertisementId: offer.advertisementId, offer: JSON.parse(offer.body) as OfferBody };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** Writes the offered advertisement's `.ofr` and `.ins`, each atomically. */
export async function writeOfferFiles(
  root: SiteRoot,
  siteCode: string,
  offer: OfferRecord,
  offers: OfferRepository,
  includeSubcollections: boolean,
  options: { readonly fsync?: boolean; readonly through?: InstructionFile['through'] } = {},
): Promise<void> {
  const instructions: InstructionFile = {
    format: instructionFileFormat,
    formatVersion: 1,
    siteCode,
    advertisementId: offer.advertisementId,
    collectionId: offer.collectionId,
    includeSubcollections,
    collections: offers.collectionsOf(offer.advertisementId),
    resourceCount: offer.resourceCount,
    through: options.through ?? offers.targetsByCollection(offer.advertisementId),
  };
  await writeFileAtomic(pathOf(root, offer.advertisementId, 'ofr'), offerFileText(siteCode, offer), options);
  await writeFileAtomic(pathOf(root, offer.advertisementId, 'ins'), `${JSON.stringify(instructions, null, 1)}\n`, options);
}

/** A deferred or withdrawn advertisement: no client is to find it. */
export async function removeOfferFiles(root: SiteRoot, advertisementId: string): Promise<void> {
  for (const extension of ['ofr', 'ins'] as const) await rm(pathOf(root, advertisementId, extension), { force: true });
}

async function* lookupLines(siteCode: string, resourceType: ResourceType, offers: OfferRepository): AsyncGenerator<string> {
  const header: LookupHeader = { format: lookupFileFormat, formatVersion: 1, siteCode, resourceType };
  yield `${JSON.stringify(header)}\n`;
  let after = 0;
  for (;;) {
    const page = offers.lookupPage(resourceType, after, lookupPageSize);
    if (page.length === 0) return;
    yield page.map((entry) => `${entry.resourceId}\t${entry.advertisementIds.join(',')}\n`).join('');
    after = page[page.length - 1]!.resourceId;
  }
}

/**
 * The three lookup files, each written a page of resources at a time and renamed into place
 * whole: every resource of the site, so only when policy has moved since they were last written
 * (or `force`, when one is missing). The version is read first and recorded after, so a change
 * committed meanwhile leaves them stale for the next wake-up.
 */
export async function writeLookupFiles(root: SiteRoot, siteCode: string, offers: OfferRepository, options: { readonly force?: boolean } = {}): Promise<void> {
  const version = offers.policyVersion();
  if (!options.force && version === offers.lookupVersion()) return;
  for (const resourceType of resourceTypes) {
    await writeFileAtomic(join(offerFilesPath(root), lookupFileName(siteCode, resourceType)), lookupLines(siteCode, resourceType, offers));
  }
  offers.recordLookupVersion(version);
}

/** Reads a lookup file back, refusing anything that is not one by what is wrong with it. */
export function parseLookupFile(text: string): LookupFile {
  const lines = text.split('\n');
  if (lines[lines.length - 1] !== '') throw new Error('The lookup file does not end with a new line: it is cut short.');
  lines.pop();
  const first = lines.shift();
  let header: LookupHeader;
  try {
    header = JSON.parse(first ?? '') as LookupHeader;
  } catch {
    throw new Error('The first line of the lookup file is not its JSON header.');
  }
  if (header.format !== lookupFileFormat || header.formatVersion !== 1) throw new Error(`The lookup file is not ${lookupFileFormat} version 1.`);
  if (!resourceTypes.includes(header.resourceType)) throw new Error(`The lookup file names no resource type Courier knows (${String(header.resourceType)}).`);
  const entries = new Map<number, readonly string[]>();
  for (const [index, line] of lines.entries()) {
    const match = /^(\d+)\t([A-Z0-9]{8}(?:,[A-Z0-9]{8})*)$/.exec(line);
    if (!match) throw new Error(`Line ${index + 2} of the lookup file is not <ResourceID><TAB><AdvertisementID>,…: ${JSON.stringify(line)}.`);
    const resourceId = Number(match[1]);
    if (entries.has(resourceId)) throw new Error(`Resource ${resourceId} is listed twice in the lookup file.`);
    entries.set(resourceId, match[2]!.split(','));
  }
  return { header, entries };
}

/** Temporary files a writer killed mid-write left (`.A01systm.lkp.<hex>.tmp`); only Offer Manager writes here. */
export async function removeStrayOfferTemporaries(root: SiteRoot): Promise<number> {
  const names = await readdir(offerFilesPath(root)).catch(() => [] as string[]);
  const stray = names.filter((name) => name.startsWith('.') && name.endsWith('.tmp'));
  for (const name of stray) await rm(join(offerFilesPath(root), name), { force: true });
  return stray.length;
}
