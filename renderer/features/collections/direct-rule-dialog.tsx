import { Button, Input, Text } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import type { ResourceDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { CheckList } from '../../components/check-list';
import { FormDialog } from '../../components/form-dialog';
import { FormRow, useFormStyles } from '../../components/form-layout';
import { resourceTypeLabels } from './collection-labels';
import type { RuleDialogProps } from './collections-kinds';

/** How many resources one search shows: enough to pick from, and a nudge to narrow the search. */
const shownResources = 200;

/** Direct rules: finds resources by name and adds a rule for each one picked. */
export function DirectRuleDialog({ directResourceIds, onClose, submit }: RuleDialogProps): ReactNode {
  const courier = useCourier();
  const form = useFormStyles();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<readonly ResourceDto[] | null>(null);
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const already = new Set(directResourceIds);

  async function find(): Promise<void> {
    setBusy('Finding resources…');
    setError(null);
    const result = await settle(() => courier['resources:list']({ search: search.trim() === '' ? undefined : search.trim(), limit: shownResources }));
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    setFound(result.value.filter((r) => !already.has(r.resourceId)));
    setPicked([]);
  }

  async function add(): Promise<void> {
    setBusy('Adding rules…');
    setError(null);
    const names = new Map((found ?? []).map((r) => [r.resourceId, r.name] as const));
    const refused = await submit(
      picked.map((id) => ({ kind: 'direct', resourceId: Number(id) })),
      names,
    );
    setBusy(null);
    if (refused !== null) return setError(refused.message);
    onClose();
  }

  return (
    <FormDialog
      open
      title="Create Direct Membership Rule"
      busy={busy}
      okDisabled={picked.length === 0}
      onOk={() => void add()}
      onCancel={onClose}
    >
      <div className={form.page}>
        <FormRow label="Name contains" field="search" messageLine={false} after={<Button onClick={() => void find()}>Find</Button>}>
          <Input contentBefore={<SearchRegular aria-hidden />} value={search} onChange={(_, data) => setSearch(data.value)} />
        </FormRow>
        {found !== null && found.length === 0 && <Text>No resource that is not already a direct member has that in its name.</Text>}
        {found !== null && found.length > 0 && (
          <CheckList
            label="Resources"
            height="200px"
            items={found.map((r) => ({ id: String(r.resourceId), label: `${r.name} (${resourceTypeLabels[r.resourceType]}, ${r.resourceId})` }))}
            checked={picked}
            onChange={setPicked}
          />
        )}
        {found !== null && found.length >= shownResources && <Text size={200}>The first {shownResources} are shown: narrow the search to see others.</Text>}
        {error !== null && <Text role="alert">{error}</Text>}
      </div>
    </FormDialog>
  );
}
