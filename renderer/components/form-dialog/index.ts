export { FormDialog, type FormDialogProblem, type FormDialogProps } from './form-dialog';
