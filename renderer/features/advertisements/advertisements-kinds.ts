import type { AdvertisementDto } from '../../../core/api';
import type { NoFields } from '../../console/no-fields';

export interface AdvertisementsNodeKinds {
  /** Software Distribution › Advertisements: every advertisement of the site. */
  readonly advertisements: NoFields;
}

export interface AdvertisementsRowKinds {
  readonly advertisement: AdvertisementDto;
}

/** What the New Advertisement Wizard starts with: nothing, or the program (or collection) it was opened from. */
export interface AdvertisementStart {
  readonly packageId?: string;
  readonly programName?: string;
  readonly collectionId?: string;
}

export interface AdvertisementsPopupKinds {
  readonly 'new-advertisement': { readonly start: AdvertisementStart };
  /** New Advertisement For Device: the same wizard for a program for devices. */
  readonly 'new-device-advertisement': { readonly start: AdvertisementStart };
  readonly 'advertisement-properties': { readonly advertisementId: string };
  readonly 'delete-advertisement': { readonly advertisement: AdvertisementDto };
  /** Each client's last state for it, live. */
  readonly 'advertisement-client-status': { readonly advertisementId: string; readonly name: string };
}
