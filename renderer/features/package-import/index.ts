export { PackageImportWizard, packageImportWizardTitle } from './package-import-wizard';
export type { PackageImportWizardProps } from './package-import-wizard';
export { MsiImportDialog } from './msi-import-dialog';
export type { MsiImportDialogProps } from './msi-import-dialog';
