import { Button, Input, Label, Option, Dropdown, makeStyles, tokens } from '@fluentui/react-components';
import { FilterRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { StatusSeverity } from '../../../core/api';
import { parseMessageIds, type ViewerFilter } from './viewer-filter';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
  },
  field: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  severity: { minWidth: '112px', width: '112px' },
  component: { width: '224px' },
  machine: { width: '120px' },
  ids: { width: '112px' },
  text: { width: '180px' },
  problem: { color: tokens.colorStatusDangerForeground1, flexBasis: '100%' },
});

type SeverityChoice = 'all' | StatusSeverity;
const severityChoices: readonly { readonly value: SeverityChoice; readonly label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'error', label: 'Error' },
  { value: 'warning', label: 'Warning' },
  { value: 'info', label: 'Information' },
];

interface Draft {
  readonly severity: SeverityChoice;
  readonly component: string;
  readonly machine: string;
  readonly messageIds: string;
  readonly text: string;
}

function draftOf(filter: ViewerFilter): Draft {
  return {
    severity: filter.severity ?? 'all',
    component: filter.component ?? '',
    machine: filter.machine ?? '',
    messageIds: filter.messageIds?.join(', ') ?? '',
    text: filter.text ?? '',
  };
}

/**
 * The filters the site server applies (status:messages): severity, component, system, message
 * IDs and words of the description. Enter in any box, or Filter, applies them all.
 */
export function ViewerFilterBar({ filter, onApply }: { readonly filter: ViewerFilter; readonly onApply: (filter: ViewerFilter) => void }): ReactNode {
  const styles = useStyles();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(filter));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(draftOf(filter)), [filter]);
  const change = (next: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...next }));

  function apply(next: Draft): void {
    const ids = parseMessageIds(next.messageIds);
    if (!ids.ok) {
      setProblem(ids.message);
      return;
    }
    setProblem(null);
    const { severity: _s, component: _c, machine: _m, messageIds: _i, text: _t, ...scope } = filter;
    const trimmed = (value: string) => value.trim();
    onApply({
      ...scope,
      ...(next.severity !== 'all' ? { severity: next.severity } : {}),
      ...(trimmed(next.component) !== '' ? { component: trimmed(next.component) } : {}),
      ...(trimmed(next.machine) !== '' ? { machine: trimmed(next.machine) } : {}),
      ...(ids.value.length > 0 ? { messageIds: ids.value } : {}),
      ...(trimmed(next.text) !== '' ? { text: trimmed(next.text) } : {}),
    });
  }

  return (
    <form
      className={styles.form}
      aria-label="Filter"
      onSubmit={(event) => {
        event.preventDefault();
        apply(draft);
      }}
    >
      <div className={styles.field}>
        <Label size="small" id={`${id}-severity`}>
          Severity
        </Label>
        <Dropdown
          size="small"
          className={styles.severity}
          aria-labelledby={`${id}-severity`}
          value={severityChoices.find((choice) => choice.value === draft.severity)?.label ?? 'All'}
          selectedOptions={[draft.severity]}
          onOptionSelect={(_, data) => {
            if (data.optionValue === undefined) return;
            // A severity is chosen from a list, not typed: it applies at once.
            const next = { ...draft, severity: data.optionValue as SeverityChoice };
            setDraft(next);
            apply(next);
          }}
        >
          {severityChoices.map((choice) => (
            <Option key={choice.value} value={choice.value}>
              {choice.label}
            </Option>
          ))}
        </Dropdown>
      </div>
      <div className={styles.field}>
        <Label size="small" htmlFor={`${id}-component`}>
          Component
        </Label>
        <Input size="small" id={`${id}-component`} className={styles.component} value={draft.component} placeholder="Any" onChange={(_, data) => change({ component: data.value })} />
      </div>
      <div className={styles.field}>
        <Label size="small" htmlFor={`${id}-machine`}>
          System
        </Label>
        <Input size="small" id={`${id}-machine`} className={styles.machine} value={draft.machine} placeholder="Any" onChange={(_, data) => change({ machine: data.value })} />
      </div>
      <div className={styles.field}>
        <Label size="small" htmlFor={`${id}-ids`}>
          Message ID
        </Label>
        <Input size="small" id={`${id}-ids`} className={styles.ids} value={draft.messageIds} placeholder="Any" onChange={(_, data) => change({ messageIds: data.value })} />
      </div>
      <div className={styles.field}>
        <Label size="small" htmlFor={`${id}-text`}>
          Description contains
        </Label>
        <Input size="small" id={`${id}-text`} className={styles.text} value={draft.text} onChange={(_, data) => change({ text: data.value })} />
      </div>
      <Button size="small" type="submit" icon={<FilterRegular />}>
        Filter
      </Button>
      {problem !== null && (
        <span role="alert" className={styles.problem}>
          {problem}
        </span>
      )}
    </form>
  );
}
