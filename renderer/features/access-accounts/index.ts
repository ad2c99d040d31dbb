export { AccessAccountDialog } from './access-account-dialog';
export type { AccessAccountDialogProps, AccessAccountDialogTarget } from './access-account-dialog';
export { DeleteAccessAccountDialog } from './delete-access-account-dialog';
export type { DeleteAccessAccountDialogProps } from './delete-access-account-dialog';
