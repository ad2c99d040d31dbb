import { Checkbox, Dropdown, Input, Option, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { maxStatusQueryCommentLength, maxStatusQueryNameLength, statusQueryPromptLabels, type StatusQueryDto, type StatusSeverity } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { FormDialog } from '../../components/form-dialog';
import { fieldAnchor, FormRow, oneLineText, useFormStyles } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import { criteriaOfDraft, draftOfQuery, promptableFields, type PromptableField, type StatusQueryDraft, type TimeMode } from './status-query-draft';

const useStyles = makeStyles({
  promptable: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  amount: { width: '72px' },
  unit: { minWidth: '96px', width: '96px' },
});

const fieldLabels: Readonly<Record<PromptableField, string>> = {
  packageId: 'Package ID',
  advertisementId: 'Advertisement ID',
  machine: 'System',
  component: 'Component',
  distributionPoint: 'Distribution point',
};

const severityLabels: Readonly<Record<StatusSeverity | 'any', string>> = { any: 'Any', error: 'Error', warning: 'Warning', info: 'Information' };

export interface StatusQueryDialogProps {
  /** The query shown, or null for New Query. A built-in one is shown read-only. */
  readonly query: StatusQueryDto | null;
  readonly onClose: () => void;
  readonly onSaved: (query: StatusQueryDto) => void;
}

/**
 * New Query and a query's Properties: its name and comment, and its criteria over the status
 * message filter's fields, each either a value or a prompt asked when the query runs, and its
 * time: none (Set Viewing Period asks), since a time, the last N hours or days, or prompted.
 */
export function StatusQueryDialog({ query, onClose, onSaved }: StatusQueryDialogProps): ReactNode {
  const styles = useStyles();
  const form = useFormStyles();
  const courier = useCourier();
  const readOnly = query?.builtIn === true;
  const [draft, setDraft] = useState<StatusQueryDraft>(() => draftOfQuery(query));
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ field: string; message: string } | null>(null);
  const change = (next: Partial<StatusQueryDraft>) => {
    setTouched(true);
    setRefusal(null);
    setDraft((previous) => ({ ...previous, ...next }));
  };
  const outcome = criteriaOfDraft(draft);
  const local = draft.name.trim() === '' ? { field: 'name', message: 'Name the query.' } : !outcome.ok ? outcome : null;
  const problem = refusal ?? local;
  const issue = (field: string) => (problem?.field === field && (touched || refusal !== null) ? problem.message : undefined);

  async function save(): Promise<void> {
    if (!outcome.ok || saving) return;
    setSaving(true);
    const result = await settle(() =>
      query === null
        ? courier['status-queries:create']({ name: draft.name, comment: draft.comment, criteria: outcome.criteria })
        : courier['status-queries:update']({ query: query.id, changes: { name: draft.name, comment: draft.comment, criteria: outcome.criteria } }),
    );
    setSaving(false);
    if (!result.ok) {
      const field = (result.error.field ?? '').replace(/^(changes|criteria)\./, '').replace(/^criteria\./, '').split('.')[0] ?? '';
      setRefusal({ field, message: result.error.message });
      return;
    }
    onSaved(result.value);
    onClose();
  }

  const title = query === null ? 'New Status Message Query' : `${query.name} Properties`;
  return (
    <FormDialog
      open
      title={title}
      closeOnly={readOnly}
      {...(readOnly ? { okLabel: 'Close' } : {})}
      okDisabled={!readOnly && problem !== null}
      problem={readOnly || problem === null ? null : { message: problem.message, field: problem.field }}
      busy={saving ? 'Saving…' : null}
      onOk={() => (readOnly ? onClose() : void save())}
      onCancel={onClose}
    >
      {readOnly && <p className={form.note}>This is a built-in query: it cannot be changed. Make a new query to change its criteria.</p>}
      <FormRow label="Name" field="name" issue={issue('name')} required>
        <Input aria-label="Name" value={draft.name} readOnly={readOnly} maxLength={maxStatusQueryNameLength} onChange={(_, data) => change({ name: data.value })} />
      </FormRow>
      <FormRow label="Comment" field="comment" issue={issue('comment')}>
        <Textarea {...oneLineText} aria-label="Comment" rows={2} resize="none" readOnly={readOnly} maxLength={maxStatusQueryCommentLength} value={draft.comment} onChange={(_, data) => change({ comment: data.value })} />
      </FormRow>
      <GroupFrame legend="Criteria">
        {promptableFields.map((f) => (
          <FormRow
            key={f}
            label={fieldLabels[f]}
            field={f}
            issue={issue(f)}
            after={
              <Checkbox
                label="Prompt"
                aria-label={`Prompt for ${statusQueryPromptLabels[f]}`}
                disabled={readOnly}
                checked={draft.prompted[f]}
                onChange={(_, data) => change({ prompted: { ...draft.prompted, [f]: data.checked === true } })}
              />
            }
          >
            <Input
              aria-label={fieldLabels[f]}
              readOnly={readOnly}
              disabled={draft.prompted[f]}
              value={draft.prompted[f] ? '' : draft.values[f]}
              onChange={(_, data) => change({ values: { ...draft.values, [f]: data.value } })}
            />
          </FormRow>
        ))}
        <FormRow label="Message IDs" field="messageIds" issue={issue('messageIds')} hint="For example 10006, 10007">
          <Input aria-label="Message IDs" readOnly={readOnly} value={draft.messageIds} onChange={(_, data) => change({ messageIds: data.value })} />
        </FormRow>
        <FormRow label="Severity" field="severity" grow={false}>
          <Dropdown
            aria-label="Severity"
            disabled={readOnly}
            value={severityLabels[draft.severity]}
            selectedOptions={[draft.severity]}
            onOptionSelect={(_, data) => data.optionValue !== undefined && change({ severity: data.optionValue as StatusSeverity | 'any' })}
          >
            {(['any', 'error', 'warning', 'info'] as const).map((s) => (
              <Option key={s} value={s}>
                {severityLabels[s]}
              </Option>
            ))}
          </Dropdown>
        </FormRow>
        <FormRow label="Description contains" field="text" issue={issue('text')}>
          <Input aria-label="Description contains" readOnly={readOnly} value={draft.text} onChange={(_, data) => change({ text: data.value })} />
        </FormRow>
      </GroupFrame>
      <GroupFrame legend="Time">
        <div {...fieldAnchor('time')}>
          <RadioGroup aria-label="Time" disabled={readOnly} value={draft.timeMode} onChange={(_, data) => change({ timeMode: data.value as TimeMode })}>
            <Radio value="none" label="None: ask for the viewing period when it runs" />
            <Radio value="since" label="Since a date and time" />
            <Radio value="last" label="The last hours or days" />
            <Radio value="prompt" label="Prompt for a date and time" />
          </RadioGroup>
        </div>
        {draft.timeMode === 'since' && (
          <FormRow label="Since" field="time" issue={issue('time')} hint="ISO 8601 with its zone, for example 2026-12-01T08:30:00Z">
            <Input aria-label="Since" readOnly={readOnly} value={draft.since} onChange={(_, data) => change({ since: data.value })} />
          </FormRow>
        )}
        {draft.timeMode === 'last' && (
          <FormRow
            label="The last"
            field="time"
            issue={issue('time')}
            grow={false}
            after={
              <Dropdown
                size="small"
                className={styles.unit}
                aria-label="Unit"
                disabled={readOnly}
                value={draft.unit}
                selectedOptions={[draft.unit]}
                onOptionSelect={(_, data) => data.optionValue !== undefined && change({ unit: data.optionValue as 'hours' | 'days' })}
              >
                <Option value="hours">hours</Option>
                <Option value="days">days</Option>
              </Dropdown>
            }
          >
            <Input className={styles.amount} aria-label="Number" readOnly={readOnly} value={draft.amount} onChange={(_, data) => change({ amount: data.value })} />
          </FormRow>
        )}
      </GroupFrame>
    </FormDialog>
  );
}
