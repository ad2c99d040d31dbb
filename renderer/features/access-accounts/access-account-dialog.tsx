import { Button, Dropdown, Input, MessageBar, MessageBarBody, Option, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { accessPermissions, type AccessAccountDto, type AccessAccountInput, type AccessPermission } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { FormDialog } from '../../components/form-dialog';
import { FormRow, useFormStyles } from '../../components/form-layout';
import { useLastValue, useOpenCount } from '../../components/use-last-value';
import { accountTypeLabel, permissionLabels } from './access-account-labels';
import { GenericAccountDialog, WindowsUserAccountDialog, type GenericAccount, type WindowsAccount } from './account-pickers';

/** New: the kind of account to define. Edit: an existing account, whose permission can change. */
export type AccessAccountDialogTarget =
  | { readonly mode: 'new'; readonly packageId: string; readonly accountKind: 'windows' | 'generic' }
  | { readonly mode: 'edit'; readonly account: AccessAccountDto };

export interface AccessAccountDialogProps {
  readonly target: AccessAccountDialogTarget | null;
  readonly onClose: () => void;
  /** The account as the core saved it. */
  readonly onSaved?: (account: AccessAccountDto) => void;
}

function titleOf(target: AccessAccountDialogTarget): string {
  if (target.mode === 'edit') return `${target.account.accountName} Properties`;
  return target.accountKind === 'windows' ? 'New Windows User Access Account Properties' : 'New Generic Access Account Properties';
}

function AccessAccountSession({ open, target, onClose, onSaved }: {
  readonly open: boolean;
  readonly target: AccessAccountDialogTarget;
  readonly onClose: () => void;
  readonly onSaved?: (account: AccessAccountDto) => void;
}) {
  const courier = useCourier();
  const form = useFormStyles();
  const editing = target.mode === 'edit';
  const kind = target.mode === 'edit' ? target.account.kind : target.accountKind;
  const [account, setAccount] = useState<AccessAccountInput | null>(
    target.mode === 'edit'
      ? target.account.kind === 'generic'
        ? ({ kind: 'generic', name: target.account.accountName } as GenericAccount)
        : { kind: 'windows', name: target.account.accountName, accountType: target.account.accountType }
      : null,
  );
  const [permission, setPermission] = useState<AccessPermission>(target.mode === 'edit' ? target.account.permission : 'read');
  const [picking, setPicking] = useState(false);
  // A fresh picker per opening, but never unmounted while open (that would leave the page aria-hidden).
  const pickerOpening = useOpenCount(picking);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; field: string | undefined } | null>(null);

  const packageId = target.mode === 'edit' ? target.account.packageId : target.packageId;
  const dirty = target.mode === 'new' || permission !== target.account.permission;

  async function save(): Promise<void> {
    if (account === null) return;
    if (!dirty) {
      onClose();
      return;
    }
    setSaving(true);
    setError(null);
    const result = await settle(() =>
      target.mode === 'new'
        ? courier['access-accounts:add']({ packageId, account, permission })
        : courier['access-accounts:update']({ packageId, accountName: target.account.accountName, permission }),
    );
    if (result.ok) {
      onSaved?.(result.value);
      onClose();
      return;
    }
    setError({ message: result.error.message, field: result.error.field });
    setSaving(false);
  }

  const nameIssue = error !== null && error.field?.startsWith('account') ? error.message : undefined;
  const otherError = error !== null && nameIssue === undefined ? error.message : null;

  const typeLabel =
    account === null
      ? kind === 'windows'
        ? 'Windows user or group'
        : 'Generic'
      : accountTypeLabel({ kind: account.kind, accountType: account.kind === 'windows' ? account.accountType : 'group' });

  return (
    <FormDialog
      open={open}
      title={titleOf(target)}
      okDisabled={account === null}
      problem={account === null ? { message: 'Click Set… to choose the account.', field: 'account', fieldLabel: 'Name' } : null}
      busy={saving ? 'Saving…' : null}
      onOk={() => void save()}
      onCancel={onClose}
      nested={
        kind === 'windows' ? (
          <WindowsUserAccountDialog
            key={pickerOpening}
            open={picking}
            initial={account?.kind === 'windows' ? (account as WindowsAccount) : null}
            onOk={(chosen) => {
              setAccount(chosen);
              setError(null);
              setPicking(false);
            }}
            onCancel={() => setPicking(false)}
          />
        ) : (
          <GenericAccountDialog
            key={pickerOpening}
            open={picking}
            initial={account?.kind === 'generic' ? (account as GenericAccount) : null}
            onOk={(chosen) => {
              setAccount(chosen);
              setError(null);
              setPicking(false);
            }}
            onCancel={() => setPicking(false)}
          />
        )
      }
    >
      <FormRow
        label="Name"
        field="account"
        issue={nameIssue}
        after={
          editing ? undefined : (
            <Button size="small" onClick={() => setPicking(true)} disabled={saving}>
              Set…
            </Button>
          )
        }
      >
        <Input readOnly value={account?.name ?? ''} appearance="filled-darker" />
      </FormRow>
      <FormRow label="Type" messageLine={false}>
        <Input readOnly value={typeLabel} appearance="filled-darker" />
      </FormRow>
      <FormRow label="Permissions" field="permission">
        <Dropdown
          className={form.dropdown}
          value={permissionLabels[permission]}
          selectedOptions={[permission]}
          disabled={saving}
          onOptionSelect={(_, data) => {
            const chosen = accessPermissions.find((p) => p === data.optionValue);
            if (chosen) setPermission(chosen);
          }}
        >
          {accessPermissions.map((p) => (
            <Option key={p} value={p}>
              {permissionLabels[p]}
            </Option>
          ))}
        </Dropdown>
      </FormRow>
      <Text size={200} className={form.note}>
        Read is enough for most programs; a program that writes back to its source directory needs at least Change.
      </Text>
      {otherError !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{otherError}</MessageBarBody>
        </MessageBar>
      )}
    </FormDialog>
  );
}

/** New Windows User / Generic Access Account, and an account's Properties (its permission). */
export function AccessAccountDialog({ target, onClose, onSaved }: AccessAccountDialogProps) {
  const shown = useLastValue(target);
  const opening = useOpenCount(target !== null);
  if (shown === null) return null;
  return <AccessAccountSession key={opening} open={target !== null} target={shown} onClose={onClose} onSaved={onSaved} />;
}
