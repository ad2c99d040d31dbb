import { Checkbox, Input, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { foldNoCase, maxDpGroupNameLength, type ApiResult, type DpGroupDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { FormDialog } from '../../components/form-dialog';
import { fieldAnchor, FormRow, MessageLine, oneLineText } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import { MemberList } from './member-list';

export interface DpGroupDialogProps {
  /** The group to change, or null for a new one. */
  readonly group: DpGroupDto | null;
  /** Opened from a DP's Group Membership tab: the include check box for that DP, instead of the member list. */
  readonly forDp?: string;
  /** Every DP name, for the member list. */
  readonly dpNames: readonly string[];
  readonly onClose: () => void;
  readonly onSaved: (group: DpGroupDto) => void;
}

type GroupField = 'name' | 'description' | 'members';

const hasMember = (members: readonly string[], name: string) => members.some((m) => foldNoCase(m) === foldNoCase(name));

/**
 * The Distribution Point Group dialog: its name, comment and members. OK saves at once; a new
 * group is one request, a changed one is its rename and comment, then each member added or
 * removed, and the dialog stays open at the first refusal with what was saved before it kept.
 */
export function DpGroupDialog({ group, forDp, dpNames, onClose, onSaved }: DpGroupDialogProps) {
  const courier = useCourier();
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [members, setMembers] = useState<readonly string[]>(group?.members ?? (forDp !== undefined ? [forDp] : []));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; field: GroupField | undefined } | null>(null);
  const before = group?.members ?? [];

  async function save(): Promise<void> {
    if (saving) return;
    setSaving(true);
    setError(null);
    const fail = (result: Extract<ApiResult<unknown>, { ok: false }>) => {
      const field = result.error.field;
      setError({ message: result.error.message, field: field === 'name' || field?.startsWith('changes.name') ? 'name' : field === 'description' || field?.startsWith('changes.description') ? 'description' : field?.startsWith('members') || field === 'distributionPoint' ? 'members' : undefined });
      setSaving(false);
    };
    if (group === null) {
      const result = await settle(() => courier['dp-groups:create']({ name, description, members: [...members] }));
      if (!result.ok) return fail(result);
      onSaved(result.value);
      onClose();
      return;
    }
    let current = group;
    const changes: { name?: string; description?: string } = {};
    if (name.trim() !== group.name) changes.name = name;
    if (description.trim() !== group.description) changes.description = description;
    if (Object.keys(changes).length > 0) {
      const result = await settle(() => courier['dp-groups:update']({ name: group.name, changes }));
      if (!result.ok) return fail(result);
      current = result.value;
      onSaved(current);
    }
    for (const dp of members.filter((m) => !hasMember(before, m))) {
      const result = await settle(() => courier['dp-groups:add-member']({ name: current.name, distributionPoint: dp }));
      if (!result.ok) return fail(result);
      current = result.value;
    }
    for (const dp of before.filter((m) => !hasMember(members, m))) {
      const result = await settle(() => courier['dp-groups:remove-member']({ name: current.name, distributionPoint: dp }));
      if (!result.ok) return fail(result);
      current = result.value;
    }
    onSaved(current);
    onClose();
  }

  const issueAt = (field: GroupField) => (error?.field === field ? error.message : undefined);
  const missing = name.trim() === '';
  const title = group === null ? 'New Distribution Point Group' : `${group.name} Properties`;

  return (
    <FormDialog
      open
      title={title}
      okDisabled={missing}
      problem={missing ? { message: 'Name the distribution point group.', field: 'name', fieldLabel: 'Name' } : null}
      busy={saving ? 'Saving…' : null}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <FormRow label="Name" field="name" issue={issueAt('name')} required>
        <Input
          value={name}
          maxLength={maxDpGroupNameLength}
          onChange={(_, data) => {
            setName(data.value);
            if (error?.field === 'name') setError(null);
          }}
        />
      </FormRow>
      <FormRow label="Comment" field="description" issue={issueAt('description')}>
        <Textarea {...oneLineText} rows={2} resize="none" value={description} onChange={(_, data) => setDescription(data.value)} />
      </FormRow>
      {forDp !== undefined ? (
        <Checkbox
          label="Include this site system in this distribution point group"
          checked={hasMember(members, forDp)}
          onChange={(_, data) => setMembers(data.checked === true ? [...members.filter((m) => !hasMember([forDp], m)), forDp] : members.filter((m) => !hasMember([forDp], m)))}
        />
      ) : (
        <GroupFrame legend="Members">
          <div {...fieldAnchor('members')}>
            <MemberList members={members} dpNames={dpNames} onChange={setMembers} />
          </div>
          {issueAt('members') !== undefined && <MessageLine issue={issueAt('members')} />}
        </GroupFrame>
      )}
      {error !== null && error.field === undefined && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error.message}</MessageBarBody>
        </MessageBar>
      )}
    </FormDialog>
  );
}
