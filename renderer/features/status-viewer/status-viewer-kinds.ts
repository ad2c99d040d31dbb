import type { StatusSeverity } from '../../../core/api';

/** What a Show Messages command was given on: a package, a package on one DP, an advertisement, or a component. */
export interface ViewerTarget {
  readonly packageId?: string;
  /** The DP's NAL path (attribute 404). */
  readonly distributionPoint?: string;
  readonly dpName?: string;
  readonly advertisementId?: string;
  /** Only the messages reported at this site (SMS_StatusMessage.SiteCode): an advertisement's site row. */
  readonly siteCode?: string;
  /** A site component (Component Status), and the computer it runs on. */
  readonly component?: string;
  readonly machine?: string;
  /** "package Reader (A0100001)": for the dialog's sentence. */
  readonly about: string;
}

export interface StatusViewerPopupKinds {
  /** Show Messages › All / Info / Warning / Error asks for the viewing period, then opens the viewer. */
  readonly 'set-viewing-period': { readonly target: ViewerTarget; readonly severity: StatusSeverity | null };
}
