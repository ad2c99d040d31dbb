import { Dropdown, Option } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { sortByText } from '../../components/data-grid';
import { FormRow } from '../../components/form-layout';
import { useConsoleStores } from '../../console/console-stores';

/**
 * "Limit to collection": any collection the console holds but `exceptId` (a collection is never
 * limited to itself), or none (''), as the General tab and the wizard's rules page ask it.
 */
export function LimitToCollectionField({ value, exceptId = null, issue, disabled = false, onChange }: {
  /** The limiting collection's ID; '' for none. */
  readonly value: string;
  readonly exceptId?: string | null;
  readonly issue?: string | undefined;
  readonly disabled?: boolean;
  readonly onChange: (limitToCollectionId: string) => void;
}): ReactNode {
  const all = useStore(useConsoleStores().collections, (s) => s.list.items);
  const choices = sortByText(all.filter((c) => c.collectionId !== exceptId), (c) => c.name);
  return (
    <FormRow label="Limit to collection" field="limitToCollectionId" issue={issue} hint="Members must also be members of this collection.">
      <Dropdown disabled={disabled} value={value === '' ? '(none)' : (all.find((c) => c.collectionId === value)?.name ?? value)} selectedOptions={[value]} onOptionSelect={(_, data) => onChange(data.optionValue ?? '')}>
        <Option value="">(none)</Option>
        {choices.map((c) => (
          <Option key={c.collectionId} value={c.collectionId} text={c.name}>
            {`${c.name} (${c.collectionId})`}
          </Option>
        ))}
      </Dropdown>
    </FormRow>
  );
}
