import type { NoFields } from '../../console/no-fields';

export interface SiteMaintenanceNodeKinds {
  readonly 'site-maintenance': NoFields;
}

export interface SiteMaintenanceRowKinds {
  /** A task of the suite's Site Maintenance › Tasks; `configurable` for the one Courier runs. */
  readonly 'maintenance-task': { readonly label: string; readonly configurable: boolean };
}

export interface SiteMaintenancePopupKinds {
  readonly 'delete-aged-status-messages-properties': NoFields;
}
