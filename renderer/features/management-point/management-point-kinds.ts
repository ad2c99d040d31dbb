import type { MpClientDto } from '../../../core/api';
import type { NoFields } from '../../console/no-fields';

export interface ManagementPointNodeKinds {
  /** Site Settings › Pending Approval: the management point's clients, waiting ones first. */
  readonly 'pending-approval': NoFields;
}

export interface ManagementPointRowKinds {
  /** The management point role on the site server. */
  readonly 'mp-role': { readonly serverName: string };
  /**
   * The clients selected in Pending Approval, as one row: the shell gives a row's commands only
   * to a single selected row, and Approve or Block acts on every client selected.
   */
  readonly 'mp-clients': { readonly clients: readonly MpClientDto[] };
}

/** What an admin does to clients: the approval actions of mp-clients:set-approval, and a reset of the secret. */
export type MpClientAction = 'approve' | 'block' | 'unblock' | 'reset';

export interface ManagementPointPopupKinds {
  readonly 'mp-properties': NoFields;
  /** Block and Reset ask first, saying what happens to the clients. */
  /** A client's registration, approval and policy, read-only. */
  readonly 'mp-client-properties': { readonly resourceId: number; readonly name: string };
  readonly 'confirm-mp-clients': { readonly action: 'block' | 'reset'; readonly clients: readonly MpClientDto[] };
}
