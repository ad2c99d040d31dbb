import { createHash } from 'node:crypto';
import type { AdvertisedProgramsAgentSettings, ComputerProgramSettings, DeviceProgramSettings } from '../../api';
import type { AdvertisementRecord } from '../../db/repositories/advertisement-repository';
import type { AdvertisedProgramsRecord } from '../../db/repositories/client-agent-repository';
import type { PackageRecord } from '../../db/repositories/package-repository';
import type { ProgramRecord } from '../../db/repositories/program-repository';
import { advertisementFlagsOf, advertisementOptionsOf, isMandatory, type AdvertisementOptions } from '../../domain/advertisement-flags';
import { programFlagsOf } from '../../domain/program-flags';
import { packageInfoOf } from '../distmgr/package-info-files';

export const offerBodyFormat = 'courier-offer-body';

/**
 * What a client evaluates for one advertisement (docs/offer-manager.md#the-policy-body): the
 * advertisement, the program and the package fields it needs to decide when and how to run it,
 * and the Advertised Programs Client Agent's settings. Bookkeeping (when it was saved, what Offer
 * Manager made of it) is left out, so the body changes only when what a client sees changes.
 */
export interface OfferBody {
  readonly format: typeof offerBodyFormat;
  readonly formatVersion: 1;
  readonly advertisement: OfferAdvertisement;
  readonly program: OfferProgram;
  readonly package: OfferPackage;
  readonly clientAgent: AdvertisedProgramsAgentSettings;
}

/** The advertisement as SMS_Advertisement stores it (the suite's numbers), and the options they decode to. */
export interface OfferAdvertisement extends Omit<AdvertisementRecord, 'createdAt' | 'lastModified' | 'offerState' | 'resourceCount'> {
  readonly repeatRunBehavior: string;
  readonly mandatory: boolean;
  readonly options: AdvertisementOptions;
}

/** The program's settings, with the suite's ProgramFlags for a program for computers. */
export type OfferProgram =
  | ({ readonly kind: 'computer'; readonly packageId: string; readonly programFlags: number } & ComputerProgramSettings)
  | ({ readonly kind: 'device'; readonly packageId: string } & DeviceProgramSettings);

/** The package's fields a client reads, as the `.pkg` of Pkginfo.box has them; a newer sourceVersion means download again. */
export type OfferPackage = ReturnType<typeof packageInfoOf>;

function programOf(program: ProgramRecord): OfferProgram {
  if (program.kind === 'computer') {
    const { id: _id, dependentProgramId: _dependent, createdAt: _c, lastModified: _m, ...settings } = program;
    return { ...settings, programFlags: programFlagsOf(settings) };
  }
  const { id: _id, createdAt: _c, lastModified: _m, ...settings } = program;
  return settings;
}

/** A source version of a package and its date, which belong together. */
export interface OfferedVersion {
  readonly sourceVersion: number;
  readonly sourceDate: string;
}

/**
 * `offered` is the package version clients are offered, with that version's date: the newest one
 * a distribution point holds, which is older than the package's while its DPs are being updated.
 */
export function offerBodyOf(advertisement: AdvertisementRecord, program: ProgramRecord, pkg: PackageRecord, agent: AdvertisedProgramsRecord, offered: OfferedVersion = pkg): OfferBody {
  const { createdAt: _c, lastModified: _m, offerState: _s, resourceCount: _r, ...ad } = advertisement;
  const options = advertisementOptionsOf(ad);
  const { lastModified: _am, ...clientAgent } = agent;
  return {
    format: offerBodyFormat,
    formatVersion: 1,
    advertisement: { ...ad, repeatRunBehavior: advertisementFlagsOf(options).repeatRunBehavior, mandatory: isMandatory(options), options },
    program: programOf(program),
    package: { ...packageInfoOf(pkg), sourceVersion: offered.sourceVersion, sourceDate: offered.sourceDate },
    clientAgent,
  };
}

/** The body as stored and written: the same text for the same body, so its hash tells a change. */
export function offerBodyText(body: OfferBody): string {
  return JSON.stringify(body);
}

export function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
