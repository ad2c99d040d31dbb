import type { Locator, Page } from '@playwright/test';
import { WizardPage } from './wizard-page';

export type WizardPageName = 'General' | 'Data Source' | 'Data Access' | 'Distribution Settings' | 'Reporting' | 'Security' | 'Summary' | 'Confirmation';

export class NewPackageWizardPage extends WizardPage {
  constructor(page: Page) {
    super(page, 'New Package Wizard');
  }

  /** The page body: the region named after the wizard page. */
  region(name: WizardPageName): Locator {
    return this.dialog.getByRole('region', { name });
  }

  get nextButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Next >' });
  }

  /** The Set Source Directory dialog (docs/software-distribution.md#set-source-directory), opened with Set… on the Data Source page. */
  async setSourceDirectory(path: string): Promise<Locator> {
    await this.region('Data Source').getByRole('button', { name: 'Set…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Set Source Directory' });
    await dialog.getByRole('radio', { name: 'Local drive on site server' }).check();
    await dialog.getByRole('textbox', { name: 'Source directory' }).fill(path);
    await dialog.getByRole('button', { name: 'OK' }).click();
    return dialog;
  }
}
