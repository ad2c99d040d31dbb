import { ProgramAdvancedPage } from './program-advanced-page';
import { ProgramEnvironmentPage } from './program-environment-page';
import type { ProgramSettingPageId } from './program-fields';
import { ProgramGeneralPage } from './program-general-page';
import { ProgramMomPage } from './program-mom-page';
import type { ProgramPageProps } from './program-page-props';
import { ProgramRequirementsPage } from './program-requirements-page';
import { ProgramWindowsInstallerPage } from './program-windows-installer-page';

/** One settings page by id: the same pages serve the New Program Wizard and the program's Properties. */
export function ProgramSettingsPage({ page, ...props }: ProgramPageProps & { readonly page: ProgramSettingPageId }) {
  switch (page) {
    case 'general':
      return <ProgramGeneralPage {...props} />;
    case 'requirements':
      return <ProgramRequirementsPage {...props} />;
    case 'environment':
      return <ProgramEnvironmentPage {...props} />;
    case 'advanced':
      return <ProgramAdvancedPage {...props} />;
    case 'windowsInstaller':
      return <ProgramWindowsInstallerPage {...props} />;
    case 'mom':
      return <ProgramMomPage {...props} />;
  }
}
