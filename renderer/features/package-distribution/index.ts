export { NewDpsWizard } from './new-dps-wizard';
export type { NewDpsWizardProps } from './new-dps-wizard';
export { RefreshDpDialog, RemoveDpDialog, UpdateDpsDialog } from './package-dp-dialogs';
export { createPackageDpsStore, followPackageDpChanges } from './package-dps-store';
export type { PackageDpRow, PackageDpsStore } from './package-dps-store';
