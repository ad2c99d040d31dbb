import { Input } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { statusQueryPromptLabels, statusQueryValuesSchema, type StatusQueryDto, type StatusQueryPrompt, type StatusQueryValues } from '../../../core/api';
import { FormDialog } from '../../components/form-dialog';
import { FormRow, useFormStyles } from '../../components/form-layout';

export interface StatusQueryPromptsDialogProps {
  readonly query: StatusQueryDto;
  readonly onOk: (values: StatusQueryValues) => void;
  readonly onCancel: () => void;
}

/** A datetime-local value (the admin's own time) as an instant with its zone, as the site takes times. */
function sinceOf(local: string): string {
  const ms = Date.parse(local);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : local;
}

/**
 * The values a query asks for before it runs (a package ID, a system), checked as the site checks
 * them, so OK stays disabled with the reason named until each one is good.
 */
export function StatusQueryPromptsDialog({ query, onOk, onCancel }: StatusQueryPromptsDialogProps): ReactNode {
  const form = useFormStyles();
  const [drafts, setDrafts] = useState<Partial<Record<StatusQueryPrompt, string>>>({});
  const [touched, setTouched] = useState(false);
  const given = Object.fromEntries(
    query.prompts.map((prompt) => [prompt, prompt === 'since' ? sinceOf(drafts[prompt] ?? '') : (drafts[prompt] ?? '')]),
  );
  const parsed = statusQueryValuesSchema.safeParse(given);
  const issue = parsed.success ? null : parsed.error.issues[0];
  const field = issue ? String(issue.path[0] ?? '') : undefined;
  const problem = issue ? { message: issue.message, field, fieldLabel: statusQueryPromptLabels[field as StatusQueryPrompt] ?? field } : null;
  return (
    <FormDialog
      open
      title="Status Message Query Prompts"
      okDisabled={!parsed.success}
      problem={touched ? problem : problem && { message: problem.message }}
      onOk={() => parsed.success && onOk(parsed.data)}
      onCancel={onCancel}
    >
      <p className={form.note}>"{query.name}" needs these values to run:</p>
      {query.prompts.map((prompt) => (
        <FormRow key={prompt} label={statusQueryPromptLabels[prompt]} field={prompt} issue={touched && field === prompt ? issue?.message : undefined} required>
          <Input
            type={prompt === 'since' ? 'datetime-local' : 'text'}
            aria-label={statusQueryPromptLabels[prompt]}
            value={drafts[prompt] ?? ''}
            onChange={(_, data) => {
              setTouched(true);
              setDrafts((previous) => ({ ...previous, [prompt]: data.value }));
            }}
          />
        </FormRow>
      ))}
    </FormDialog>
  );
}
