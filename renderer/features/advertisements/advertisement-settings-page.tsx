import type { AdvertisementPage } from './advertisement-draft';
import { AdvertisementDpPage } from './advertisement-dp-page';
import { AdvertisementGeneralPage } from './advertisement-general-page';
import { AdvertisementInteractionPage } from './advertisement-interaction-page';
import type { AdvertisementPageProps } from './advertisement-page-props';
import { AdvertisementSchedulePage } from './advertisement-schedule-page';
import { AdvertisementSecurityPage } from './advertisement-security-page';

/** One page by id: the same pages serve the New Advertisement Wizard and an advertisement's Properties. */
export function AdvertisementSettingsPage({ page, ...props }: AdvertisementPageProps & { readonly page: AdvertisementPage }) {
  switch (page) {
    case 'general':
      return <AdvertisementGeneralPage {...props} />;
    case 'schedule':
      return <AdvertisementSchedulePage {...props} />;
    case 'distributionPoints':
      return <AdvertisementDpPage {...props} />;
    case 'interaction':
      return <AdvertisementInteractionPage {...props} />;
    case 'security':
      return <AdvertisementSecurityPage />;
  }
}
