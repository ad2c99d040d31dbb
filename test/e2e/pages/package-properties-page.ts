import { expect, type Locator, type Page } from '@playwright/test';

export class PackagePropertiesPage {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: / Properties$/ });
  }

  async tab(name: string): Promise<Locator> {
    await this.dialog.getByRole('tab', { name }).click();
    return this.dialog.getByRole('tabpanel', { name });
  }

  button(name: 'OK' | 'Cancel' | 'Apply'): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }

  async ok(): Promise<void> {
    await this.button('OK').click();
    await expect(this.dialog).toBeHidden();
  }
}
