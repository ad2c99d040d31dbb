import { Checkbox, Dropdown, Input, Option, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { FormDialog } from '../../components/form-dialog';
import { FormRow, SmallControls, useFormStyles } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import { draftOf, periodOf, type Period, type PeriodDraft, type PeriodUnit } from './viewing-period';

const useStyles = makeStyles({
  indent: { paddingLeft: tokens.spacingHorizontalXXL },
  since: { width: '200px' },
  amount: { width: '72px' },
  unit: { minWidth: '96px', width: '96px' },
});

const unitLabels: Readonly<Record<PeriodUnit, string>> = { hours: 'hours', days: 'days' };

export interface SetViewingPeriodDialogProps {
  /** What the viewer shows now, or nothing for a new viewer (the last day). */
  readonly period: Period;
  /** What the messages are of, for the sentence at the top. */
  readonly about: string;
  readonly onOk: (period: Period) => void;
  readonly onCancel: () => void;
}

/**
 * Set Viewing Period, asked before the Status Message Viewer opens (and from it): the messages
 * since a date and time (and, ticked, until another), or those of the last N hours or days.
 * Tab moves, Enter is OK, Escape cancels.
 */
export function SetViewingPeriodDialog({ period, about, onOk, onCancel }: SetViewingPeriodDialogProps): ReactNode {
  const styles = useStyles();
  const form = useFormStyles();
  const [now] = useState(() => Date.now());
  const [draft, setDraft] = useState<PeriodDraft>(() => ({ ...draftOf(period, now), ...(period.since === undefined && period.lastHours === undefined ? { mode: 'last' as const } : {}) }));
  const [touched, setTouched] = useState(false);
  const outcome = periodOf(draft, Date.now());
  const change = (next: Partial<PeriodDraft>) => {
    setTouched(true);
    setDraft((previous) => ({ ...previous, ...next }));
  };
  const issue = (field: string) => (!outcome.ok && outcome.field === field && touched ? outcome.message : undefined);
  return (
    <FormDialog
      open
      title="Set Viewing Period"
      onCancel={onCancel}
      okDisabled={!outcome.ok}
      problem={outcome.ok ? null : { message: outcome.message, field: outcome.field, fieldLabel: outcome.field === 'amount' ? 'Number' : outcome.field === 'untilLocal' ? 'Until' : 'Date and time' }}
      onOk={() => outcome.ok && onOk(outcome.value)}
    >
      <p className={form.note}>Show the status messages of {about} reported:</p>
      <GroupFrame legend="Specify date and time">
        <RadioGroup aria-label="Viewing period" value={draft.mode} onChange={(_, data) => change({ mode: data.value as PeriodDraft['mode'] })}>
          <Radio value="since" label="Select date and time" />
          <div className={styles.indent}>
            <FormRow label="Since" field="sinceLocal" issue={issue('sinceLocal')} grow={false}>
              <SmallControls>
                <Input
                  type="datetime-local"
                  className={styles.since}
                  aria-label="Since date and time"
                  disabled={draft.mode !== 'since'}
                  value={draft.sinceLocal}
                  onChange={(_, data) => change({ sinceLocal: data.value })}
                />
              </SmallControls>
            </FormRow>
            <FormRow
              label="Until"
              field="untilLocal"
              issue={issue('untilLocal')}
              grow={false}
              after={<span className={form.note}>(not included)</span>}
            >
              <SmallControls>
                <Checkbox
                  aria-label="Until a date and time"
                  disabled={draft.mode !== 'since'}
                  checked={draft.untilOn}
                  onChange={(_, data) => change({ untilOn: data.checked === true })}
                />
                <Input
                  type="datetime-local"
                  className={styles.since}
                  aria-label="Until date and time"
                  disabled={draft.mode !== 'since' || !draft.untilOn}
                  value={draft.untilLocal}
                  onChange={(_, data) => change({ untilLocal: data.value })}
                />
              </SmallControls>
            </FormRow>
          </div>
          <Radio value="last" label="Specify number of hours or days" />
          <div className={styles.indent}>
            <FormRow
              label="The last"
              field="amount"
              issue={issue('amount')}
              grow={false}
              after={
                <Dropdown
                  size="small"
                  className={styles.unit}
                  aria-label="Unit"
                  disabled={draft.mode !== 'last'}
                  value={unitLabels[draft.unit]}
                  selectedOptions={[draft.unit]}
                  onOptionSelect={(_, data) => data.optionValue !== undefined && change({ unit: data.optionValue as PeriodUnit })}
                >
                  <Option value="hours">hours</Option>
                  <Option value="days">days</Option>
                </Dropdown>
              }
            >
              <SmallControls>
                <Input className={styles.amount} aria-label="Number" disabled={draft.mode !== 'last'} value={draft.amount} onChange={(_, data) => change({ amount: data.value })} />
              </SmallControls>
            </FormRow>
          </div>
          <Radio value="all" label="All messages, whenever reported" />
        </RadioGroup>
      </GroupFrame>
    </FormDialog>
  );
}
