import { Button, Input, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { EyeRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { FormDialog } from '../../components/form-dialog';
import { FormRow, oneLineText, useFormStyles } from '../../components/form-layout';
import type { RuleDialogProps } from './collections-kinds';
import { MembershipPreview, useMembershipPreview } from './membership-preview';

/** The next free "Query N" name among a collection's rules, as the CLI names rules. */
export function nextQueryName(ruleNames: readonly string[]): string {
  const taken = new Set(ruleNames.map((name) => name.toLowerCase()));
  let n = 1;
  while (taken.has(`query ${n}`)) n++;
  return `Query ${n}`;
}

/** Where a refusal points ("Line 2, column 36"), for the field's own message line. */
function placeOf(message: string): string {
  return /Line \d+, column \d+/.exec(message)?.[0] ?? message;
}

type Refusal = { readonly field: 'name' | 'query' | null; readonly message: string };

/** Which field a refusal is about: `rule.query` from add-rule, `rules.0.query` from a preview. */
function refusalOf(error: { readonly code: string; readonly field?: string | undefined; readonly message: string }): Refusal {
  const field = error.field?.endsWith('.query') ? 'query' : error.field?.endsWith('.name') || error.code === 'CONFLICT' ? 'name' : null;
  return { field, message: error.message };
}

/**
 * A query rule: its name and its WQL. The core parses and checks the query before it is kept;
 * a refusal names the line and column, and stays at the field it is about. Preview shows the
 * members the query gives now (the count, and the first 50 by name) without adding anything.
 */
export function QueryRuleDialog({ ruleNames, limitToCollectionId, onClose, submit }: RuleDialogProps): ReactNode {
  const form = useFormStyles();
  const [name, setName] = useState(() => nextQueryName(ruleNames));
  const [query, setQuery] = useState('select * from SMS_R_System where ');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [preview, runPreview] = useMembershipPreview();

  async function add(): Promise<void> {
    setBusy(true);
    setRefusal(null);
    const error = await submit([{ kind: 'query', name: name.trim(), query }], new Map());
    setBusy(false);
    if (error === null) {
      onClose();
      return;
    }
    setRefusal(refusalOf(error));
  }

  const taken = ruleNames.some((taken) => taken.toLowerCase() === name.trim().toLowerCase());
  const problem =
    name.trim() === ''
      ? { message: 'A query rule needs a name.', field: 'name', fieldLabel: 'Name' }
      : taken
        ? { message: `The collection already has a rule named ${name.trim()}.`, field: 'name', fieldLabel: 'Name' }
        : query.trim() === ''
          ? { message: 'A query rule needs its query.', field: 'query', fieldLabel: 'Query' }
          : null;
  const previewRefusal = preview.state === 'failed' && preview.field?.endsWith('.query') ? preview.message : null;
  return (
    <FormDialog
      open
      title="Query Rule Properties"
      busy={busy ? 'Checking the query…' : null}
      okDisabled={problem !== null}
      problem={problem}
      onOk={() => void add()}
      onCancel={onClose}
    >
      <div className={form.page}>
        <FormRow label="Name" field="name" issue={refusal?.field === 'name' ? refusal.message : undefined}>
          <Input
            {...oneLineText}
            value={name}
            onChange={(_, data) => {
              setName(data.value);
              if (refusal?.field === 'name') setRefusal(null);
            }}
          />
        </FormRow>
        <FormRow
          label="Query (WQL)"
          field="query"
          issue={refusal?.field === 'query' ? placeOf(refusal.message) : previewRefusal !== null ? placeOf(previewRefusal) : undefined}
          hint="select * from SMS_R_System where …"
        >
          <Textarea
            value={query}
            rows={5}
            resize="vertical"
            spellCheck={false}
            style={{ fontFamily: 'monospace' }}
            onChange={(_, data) => {
              setQuery(data.value);
              if (refusal?.field === 'query') setRefusal(null);
            }}
          />
        </FormRow>
        {/* The message line under a field holds one line; a query's refusal says more, so all of it is here. */}
        {refusal !== null && refusal.field !== 'name' && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{refusal.message}</MessageBarBody>
          </MessageBar>
        )}
        <div className={form.inline}>
          <Button icon={<EyeRegular />} disabled={query.trim() === '' || preview.state === 'waiting'} onClick={() => runPreview([{ kind: 'query', name: name.trim() || 'Preview', query }], limitToCollectionId)}>
            Preview
          </Button>
          {limitToCollectionId !== null && <span className={form.note}>Within the members of {limitToCollectionId}, as the collection would get them.</span>}
        </div>
        <MembershipPreview state={preview} label="Members the query gives" />
      </div>
    </FormDialog>
  );
}
