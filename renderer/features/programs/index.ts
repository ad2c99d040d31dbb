export { DeleteProgramWizard } from './delete-program-wizard';
export type { DeleteProgramWizardProps } from './delete-program-wizard';
export { NewDeviceProgramWizard, NewProgramWizard } from './new-program-wizard';
export type { NewProgramWizardProps } from './new-program-wizard';
export { ProgramPropertiesDialog } from './program-properties-dialog';
export type { ProgramPropertiesDialogProps } from './program-properties-dialog';
