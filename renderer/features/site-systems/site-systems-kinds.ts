import type { DistributionPointDto, DpGroupDto, DpMode } from '../../../core/api';
import type { NoFields } from '../../console/no-fields';

export interface SiteSystemsNodeKinds {
  readonly 'site-systems': NoFields;
  /** A server with at least one role, named as the site server reaches it. */
  readonly 'site-system': { readonly serverName: string };
  readonly 'dp-groups': NoFields;
  readonly 'component-configuration': NoFields;
}

export interface SiteSystemsRowKinds {
  /** The distribution point role on a site system. */
  readonly 'dp-role': DistributionPointDto;
  /** The content service role of a BITS-enabled DP. */
  readonly 'content-role': { readonly dp: DistributionPointDto };
  readonly 'dp-group': DpGroupDto;
  /** A site component in Component Configuration. */
  readonly 'site-component': { readonly component: 'distmgr'; readonly label: string };
}

export type NewSiteSystemMode = 'server' | 'serverShare';

export interface SiteSystemsPopupKinds {
  readonly 'new-site-system': { readonly mode: NewSiteSystemMode };
  readonly 'dp-properties': { readonly name: string; readonly mode: DpMode };
  /** Deletes these DP roles; all the roles of a site system delete it. */
  readonly 'delete-dps': { readonly dps: readonly DistributionPointDto[]; readonly serverName: string | null };
  readonly 'new-dp-group': NoFields;
  readonly 'dp-group-properties': { readonly name: string };
  readonly 'delete-dp-group': { readonly group: DpGroupDto };
  readonly 'distmgr-properties': NoFields;
  /** The site's content service; serverName: the DP's server it was opened from. */
  readonly 'content-service-properties': { readonly serverName: string | null };
}
