import type { NoFields } from '../../console/no-fields';

export interface SitePropertiesPopupKinds {
  /** Site Settings › Properties: the site's own settings, as the suite's Site Properties sheet. */
  readonly 'site-properties': NoFields;
}
