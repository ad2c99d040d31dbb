import { expect, type Locator, type Page } from '@playwright/test';

/** Any of the console's wizards (program, delete program, package from definition): one Wizard frame. */
export class WizardPage {
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    title: string,
  ) {
    this.dialog = page.getByRole('dialog', { name: title });
  }

  async expectPage(name: string): Promise<Locator> {
    const region = this.dialog.getByRole('region', { name }).first();
    await expect(region.getByRole('heading', { name, level: 3 })).toBeVisible();
    return region;
  }

  async next(): Promise<void> {
    const next = this.dialog.getByRole('button', { name: 'Next >' });
    await expect(next).toBeEnabled();
    await next.click();
  }


  /** Fluent's Dropdown: open it, pick the option (the listbox renders outside the dialog). */
  async choose(region: Locator, combobox: string, option: string): Promise<void> {
    await region.getByRole('combobox', { name: combobox, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }
}
