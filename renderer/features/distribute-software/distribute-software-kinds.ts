import type { DistributeStart } from './distribute-software-reducer';

export interface DistributeSoftwarePopupKinds {
  /** Distribute › Software: the wizard for where it was started (docs/distribute-software.md). */
  readonly 'distribute-software': { readonly start: DistributeStart };
}
