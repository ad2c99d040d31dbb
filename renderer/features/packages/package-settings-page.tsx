import { DataAccessPage } from './data-access-page';
import { DataSourcePage } from './data-source-page';
import { DistributionSettingsPage } from './distribution-settings-page';
import { GeneralPage, type PackageDetails } from './general-page';
import type { PackageSettingPageId } from './package-fields';
import type { PackagePageProps } from './package-page-props';
import { ReportingPage } from './reporting-page';

export interface PackageSettingsPageProps extends PackagePageProps {
  readonly page: PackageSettingPageId;
  /** Shown on General in the property sheet; the wizard has no package yet. */
  readonly details?: PackageDetails;
}

/** One settings page by id: the same pages serve the wizard and the property sheet. */
export function PackageSettingsPage({ page, details, ...pageProps }: PackageSettingsPageProps) {
  switch (page) {
    case 'general':
      return <GeneralPage {...pageProps} details={details} />;
    case 'dataSource':
      return <DataSourcePage {...pageProps} />;
    case 'dataAccess':
      return <DataAccessPage {...pageProps} />;
    case 'distributionSettings':
      return <DistributionSettingsPage {...pageProps} />;
    case 'reporting':
      return <ReportingPage {...pageProps} />;
  }
}
