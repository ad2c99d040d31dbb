export { DeletePackageDialog } from './delete-package-dialog';
export type { DeletePackageDialogProps } from './delete-package-dialog';
export { NewPackageWizard } from './new-package-wizard';
export type { NewPackageWizardProps } from './new-package-wizard';
export { PackagePropertiesDialog } from './package-properties-dialog';
export type { PackagePropertiesDialogProps } from './package-properties-dialog';
