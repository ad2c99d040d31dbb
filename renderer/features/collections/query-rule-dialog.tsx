import { Input, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { CollectionDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { FormDialog } from '../../components/form-dialog';
import { FormRow, oneLineText, useFormStyles } from '../../components/form-layout';
import type { RuleDialogProps } from './collections-kinds';

/** The next free "Query N" name of a collection, as the CLI names rules. */
export function nextQueryName(collection: CollectionDto): string {
  const taken = new Set(collection.rules.map((r) => r.ruleName.toLowerCase()));
  let n = 1;
  while (taken.has(`query ${n}`)) n++;
  return `Query ${n}`;
}

/** Where a refusal points ("Line 2, column 36"), for the field's own message line. */
function placeOf(message: string): string {
  return /Line \d+, column \d+/.exec(message)?.[0] ?? message;
}

/**
 * A query rule: its name and its WQL. The core parses and checks the query before it stores it;
 * a refusal names the line and column, and stays at the field it is about.
 */
export function QueryRuleDialog({ collection, onClose, onAdded }: RuleDialogProps): ReactNode {
  const courier = useCourier();
  const form = useFormStyles();
  const [name, setName] = useState(() => nextQueryName(collection));
  const [query, setQuery] = useState('select * from SMS_R_System where ');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ readonly field: 'name' | 'query' | null; readonly message: string } | null>(null);

  async function add(): Promise<void> {
    setBusy(true);
    setRefusal(null);
    const result = await settle(() => courier['collections:add-rule']({ collectionId: collection.collectionId, rule: { kind: 'query', name: name.trim(), query } }));
    setBusy(false);
    if (result.ok) {
      onAdded(result.value);
      onClose();
      return;
    }
    const field = result.error.field === 'rule.name' || result.error.code === 'CONFLICT' ? 'name' : result.error.field === 'rule.query' ? 'query' : null;
    setRefusal({ field, message: result.error.message });
  }

  const problem = name.trim() === '' ? { message: 'A query rule needs a name.', field: 'name', fieldLabel: 'Name' } : query.trim() === '' ? { message: 'A query rule needs its query.', field: 'query', fieldLabel: 'Query' } : null;
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
        <FormRow label="Query (WQL)" field="query" issue={refusal?.field === 'query' ? placeOf(refusal.message) : undefined} hint="select * from SMS_R_System where …">
          <Textarea
            value={query}
            rows={6}
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
      </div>
    </FormDialog>
  );
}
