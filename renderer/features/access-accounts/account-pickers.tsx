import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { accessAccountSchema, genericAccounts, type AccessAccountInput } from '../../../core/api';

const useStyles = makeStyles({
  surface: { width: '420px', maxWidth: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export type WindowsAccount = Extract<AccessAccountInput, { kind: 'windows' }>;
export type GenericAccount = Extract<AccessAccountInput, { kind: 'generic' }>;

/** The core's own check of an account (accessAccountSchema), as one message or null. */
export function accountProblem(account: AccessAccountInput): string | null {
  const parsed = accessAccountSchema.safeParse(account);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'This account is not valid.');
}

export interface WindowsUserAccountDialogProps {
  readonly open: boolean;
  readonly initial: WindowsAccount | null;
  readonly onOk: (account: WindowsAccount) => void;
  readonly onCancel: () => void;
}

/** The Windows User Account dialog: DOMAIN\user (or DOMAIN\group), and whether it is a user or a group. */
export function WindowsUserAccountDialog({ open, initial, onOk, onCancel }: WindowsUserAccountDialogProps) {
  const styles = useStyles();
  const [name, setName] = useState(initial?.name ?? '');
  const [accountType, setAccountType] = useState<'user' | 'group'>(initial?.accountType ?? 'user');
  const [tried, setTried] = useState(false);
  const account: WindowsAccount = { kind: 'windows', name: name.trim(), accountType };
  const problem = accountProblem(account);

  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface className={styles.surface}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setTried(true);
            if (problem === null) onOk(account);
          }}
        >
          <DialogBody>
            <DialogTitle>Windows User Account</DialogTitle>
            <DialogContent className={styles.content}>
              <Field
                label="User name"
                hint="Type the user or group account as DOMAIN\user."
                validationMessage={tried || name.includes('\\') ? (problem ?? undefined) : undefined}
              >
                <Input value={name} placeholder="CONTOSO\Sales" onChange={(_, data) => setName(data.value)} />
              </Field>
              <RadioGroup
                aria-label="Account type"
                layout="horizontal"
                value={accountType}
                onChange={(_, data) => setAccountType(data.value === 'group' ? 'group' : 'user')}
              >
                <Radio value="user" label="User" />
                <Radio value="group" label="Group" />
              </RadioGroup>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit">
                OK
              </Button>
              <Button onClick={onCancel}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

export interface GenericAccountDialogProps {
  readonly open: boolean;
  readonly initial: GenericAccount | null;
  readonly onOk: (account: GenericAccount) => void;
  readonly onCancel: () => void;
}

/** The Generic Account dialog: the distribution point's local Users, Guests or Administrators. */
export function GenericAccountDialog({ open, initial, onOk, onCancel }: GenericAccountDialogProps) {
  const styles = useStyles();
  const [name, setName] = useState<GenericAccount['name']>(initial?.name ?? 'Users');
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Generic Account</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>Select the account type.</Text>
            <RadioGroup
              aria-label="Account type"
              value={name}
              onChange={(_, data) => {
                const chosen = genericAccounts.find((g) => g === data.value);
                if (chosen) setName(chosen);
              }}
            >
              {genericAccounts.map((g) => (
                <Radio key={g} value={g} label={g} />
              ))}
            </RadioGroup>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onOk({ kind: 'generic', name })}>
              OK
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
