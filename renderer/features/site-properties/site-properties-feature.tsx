import type { FeatureRegistration } from '../../shell/registration';
import { SitePropertiesDialog } from './site-properties-dialog';
import type { SitePropertiesPopupKinds } from './site-properties-kinds';

/** Site Settings › Properties: the site's General facts, Path Mappings and Source Roots. */
export const sitePropertiesFeature: FeatureRegistration<never, never, keyof SitePropertiesPopupKinds> = {
  nodes: {},
  rows: {},
  popups: {
    'site-properties': {
      render: (_, { stores, shell, close }) => <SitePropertiesDialog site={stores.site} onClose={close} onStatus={shell.setStatus} />,
    },
  },
};
