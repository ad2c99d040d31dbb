import { Input, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { componentStatusSeverities, type ComponentStatusSeverity, type ComponentThresholdsDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { formatDateTime } from '../../components/date-time';
import { FormDialog } from '../../components/form-dialog';
import { FormRow, useFormStyles } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import { checkThresholds, draftOf, severityLabels, thresholdFields, type ThresholdField, type ThresholdsDraft } from './thresholds-model';

type Loaded = { readonly kind: 'loading' } | { readonly kind: 'error'; readonly message: string } | { readonly kind: 'ready'; readonly thresholds: ComponentThresholdsDto };

const levelLabels = { warning: 'Warning at', critical: 'Critical at' } as const;

function fieldLabel(field: ThresholdField): string {
  const [severity, level] = field.split('.') as [ComponentStatusSeverity, 'warning' | 'critical'];
  return `${severityLabels[severity]}: ${levelLabels[level]}`;
}

/**
 * Component Status › Thresholds: how many messages of each severity make a component Warning,
 * and Critical. The statuses are computed when read, so OK changes every component at once.
 */
export function ThresholdsDialog({ onClose, onSaved }: { readonly onClose: () => void; readonly onSaved: (thresholds: ComponentThresholdsDto) => void }): ReactNode {
  const courier = useCourier();
  const form = useFormStyles();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [draft, setDraft] = useState<ThresholdsDraft | null>(null);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void settle(() => courier['status:component-thresholds:get']({})).then((result) => {
      if (!current) return;
      setLoaded(result.ok ? { kind: 'ready', thresholds: result.value } : { kind: 'error', message: result.error.message });
      if (result.ok) setDraft(draftOf(result.value));
    });
    return () => {
      current = false;
    };
  }, [courier]);

  const check = draft === null ? null : checkThresholds(draft);
  const issues: Partial<Record<ThresholdField, string>> = check !== null && !check.ok ? check.issues : {};
  const firstIssue = thresholdFields.find((field) => issues[field] !== undefined);
  const save = async () => {
    if (check === null || !check.ok) return;
    setSaving(true);
    setRefusal(null);
    const result = await settle(() => courier['status:component-thresholds:update'](check.update));
    setSaving(false);
    if (!result.ok) {
      setRefusal(result.error.message);
      return;
    }
    onSaved(result.value);
    onClose();
  };
  const field = (name: ThresholdField, level: 'warning' | 'critical') => (
    <FormRow key={name} label={levelLabels[level]} field={name} issue={issues[name]} grow={false}>
      <Input
        className={form.number}
        inputMode="numeric"
        value={draft?.[name] ?? ''}
        disabled={saving}
        onChange={(_, data) => setDraft((d) => (d === null ? d : { ...d, [name]: data.value }))}
      />
    </FormRow>
  );
  return (
    <FormDialog
      open
      title="Component Status Thresholds"
      okDisabled={check === null || !check.ok}
      busy={saving ? 'Saving…' : null}
      problem={firstIssue !== undefined ? { message: issues[firstIssue] ?? '', field: firstIssue, fieldLabel: fieldLabel(firstIssue) } : null}
      onOk={() => void save()}
      onCancel={onClose}
    >
      {loaded.kind === 'loading' && <Spinner size="tiny" label="Reading the thresholds…" />}
      {loaded.kind === 'error' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>The thresholds could not be read: {loaded.message}</MessageBarBody>
        </MessageBar>
      )}
      {loaded.kind === 'ready' && draft !== null && (
        <div className={form.page}>
          <Text size={200} className={form.note}>
            A component is Critical once any count reaches its critical threshold, else Warning once any reaches its warning threshold, else OK.
          </Text>
          {componentStatusSeverities
            .slice()
            .reverse()
            .map((severity) => (
              <GroupFrame key={severity} legend={severityLabels[severity]}>
                {field(`${severity}.warning`, 'warning')}
                {field(`${severity}.critical`, 'critical')}
              </GroupFrame>
            ))}
          <Text size={200} className={form.note}>
            {loaded.thresholds.lastModified === null ? 'These are the default thresholds.' : `Last changed ${formatDateTime(loaded.thresholds.lastModified)}.`}
          </Text>
        </div>
      )}
      {refusal !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{refusal}</MessageBarBody>
        </MessageBar>
      )}
    </FormDialog>
  );
}
