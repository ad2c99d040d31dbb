import { expect, type Locator, type Page } from '@playwright/test';
import { NewPackageWizardPage } from './new-package-wizard-page';
import { PackagePropertiesPage } from './package-properties-page';

/** The MMC-style console: tree, details pane, Actions pane. */
export class ConsolePage {
  readonly tree: Locator;
  readonly details: Locator;
  readonly actions: Locator;

  constructor(readonly page: Page) {
    this.tree = page.getByRole('tree', { name: 'Console tree' });
    this.details = page.getByRole('main');
    this.actions = page.getByRole('complementary', { name: 'Actions' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.treeItem(/^Site Database \(A01 - Central Site\)$/)).toBeVisible();
  }

  treeItem(name: string | RegExp): Locator {
    return this.tree.getByRole('treeitem', { name });
  }

  /** Selects a tree node and expands it (the Right arrow, as in MMC). */
  async expand(name: RegExp): Promise<void> {
    const node = this.treeItem(name);
    await node.click();
    if ((await node.getAttribute('aria-expanded')) !== 'true') await this.page.keyboard.press('ArrowRight');
    await expect(node).toHaveAttribute('aria-expanded', 'true');
  }

  /** Packages › <package> › Programs or Access Accounts, by keyboard as in MMC (selection follows focus). */
  async openPackagePart(packageName: string, part: 'Programs' | 'Access Accounts'): Promise<void> {
    await this.expand(/^Packages$/);
    await this.expand(new RegExp(`^${packageName}$`));
    // The parts come in the suite's order: Access Accounts, Distribution Points, Programs, Package Status.
    for (let i = 0; i < (part === 'Access Accounts' ? 1 : 3); i++) await this.page.keyboard.press('ArrowDown');
    await expect(this.details.getByRole('heading', { name: part, level: 1 })).toBeVisible();
  }

  async selectPackagesNode(): Promise<void> {
    await this.treeItem(/^Packages$/).click();
    await expect(this.details.getByRole('heading', { name: 'Packages', level: 1 })).toBeVisible();
  }

  get packagesGrid(): Locator {
    return this.details.getByRole('grid', { name: 'Packages' });
  }

  packageRow(name: string | RegExp): Locator {
    return this.packagesGrid.getByRole('row', { name });
  }

  async openNewPackageWizard(): Promise<NewPackageWizardPage> {
    await this.treeItem(/^Packages$/).click({ button: 'right' });
    await this.page.getByRole('menuitem', { name: 'New' }).click();
    await this.page.getByRole('menu', { name: 'New' }).getByRole('menuitem', { name: 'Package', exact: true }).click();
    const wizard = new NewPackageWizardPage(this.page);
    await expect(wizard.dialog).toBeVisible();
    return wizard;
  }

  /** Selects the row and presses Enter, as an admin opens Properties from the list. */
  async openPropertiesWithKeyboard(row: Locator): Promise<PackagePropertiesPage> {
    await row.click();
    await this.page.keyboard.press('Enter');
    const sheet = new PackagePropertiesPage(this.page);
    await expect(sheet.dialog).toBeVisible();
    return sheet;
  }
}
