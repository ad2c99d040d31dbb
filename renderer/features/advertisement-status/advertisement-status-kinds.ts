import type { AdvertisementSiteSummaryDto } from '../../../core/api';
import type { NoFields } from '../../console/no-fields';

export interface AdvertisementStatusNodeKinds {
  /** System Status › Advertisement Status: every advertisement's counts. */
  readonly 'advertisement-status': NoFields;
  /** One advertisement under it: its counts per reporting site, as the suite's tree has them. */
  readonly 'advertisement-status-item': { readonly advertisementId: string };
}

/** One site's counts for one advertisement. */
export interface AdvertisementSiteRow extends AdvertisementSiteSummaryDto {
  readonly advertisementId: string;
  readonly advertisementName: string;
}

export interface AdvertisementStatusRowKinds {
  readonly 'advertisement-status-site': AdvertisementSiteRow;
}
