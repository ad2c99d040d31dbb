import { Input, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { accessAccountSchema, firstRefusedCharacter, genericAccounts, maxAccountNameLength, type AccessAccountInput } from '../../../core/api';
import { FormDialog } from '../../components/form-dialog';
import { FormRow } from '../../components/form-layout';

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

/**
 * Whether a problem with the typed name is worth saying yet: a name too long or with a refused
 * character is wrong however it ends, so that shows at once; the DOMAIN\user form only once the
 * admin typed the backslash or pressed OK, not while the domain is still being typed.
 */
function showsAtOnce(name: string): boolean {
  return name.includes('\\') || name.length > maxAccountNameLength || firstRefusedCharacter(name) !== null;
}

/** The Windows User Account dialog: DOMAIN\user (or DOMAIN\group), and whether it is a user or a group. */
export function WindowsUserAccountDialog({ open, initial, onOk, onCancel }: WindowsUserAccountDialogProps) {
  const [name, setName] = useState(initial?.name ?? '');
  const [accountType, setAccountType] = useState<'user' | 'group'>(initial?.accountType ?? 'user');
  const [tried, setTried] = useState(false);
  const account: WindowsAccount = { kind: 'windows', name: name.trim(), accountType };
  const problem = accountProblem(account);
  // One message at a time in the name's line: what is wrong, or else the form to type.
  const issue = problem !== null && (tried || showsAtOnce(account.name)) ? problem : undefined;

  return (
    <FormDialog
      open={open}
      title="Windows User Account"
      onOk={() => {
        setTried(true);
        if (problem === null) onOk(account);
      }}
      onCancel={onCancel}
    >
      <FormRow label="User name" field="name" issue={issue} hint="DOMAIN\user or DOMAIN\group">
        <Input value={name} placeholder="CONTOSO\Sales" onChange={(_, data) => setName(data.value)} />
      </FormRow>
      <RadioGroup
        aria-label="Account type"
        layout="horizontal"
        value={accountType}
        onChange={(_, data) => setAccountType(data.value === 'group' ? 'group' : 'user')}
      >
        <Radio value="user" label="User" />
        <Radio value="group" label="Group" />
      </RadioGroup>
    </FormDialog>
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
  const [name, setName] = useState<GenericAccount['name']>(initial?.name ?? 'Users');
  return (
    <FormDialog open={open} title="Generic Account" onOk={() => onOk({ kind: 'generic', name })} onCancel={onCancel}>
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
    </FormDialog>
  );
}
