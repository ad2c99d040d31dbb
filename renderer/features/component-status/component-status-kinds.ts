import type { ComponentSummaryDto } from '../../../core/api';
import type { NoFields } from '../../console/no-fields';

export interface ComponentStatusNodeKinds {
  /** System Status › Component Status: how each site component is doing, from its messages. */
  readonly 'component-status': NoFields;
}

export interface ComponentStatusRowKinds {
  readonly 'component-status-row': ComponentSummaryDto;
}

export interface ComponentStatusPopupKinds {
  readonly 'component-status-properties': { readonly row: ComponentSummaryDto };
  /** Reset Counts on one component, or on every component when `component` is null. */
  readonly 'reset-component-counts': { readonly component: string | null };
  readonly 'component-thresholds': NoFields;
}
