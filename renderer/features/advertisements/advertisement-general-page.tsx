import { Button, Checkbox, Dropdown, Input, Option, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { fullPackageName } from '../../../core/api';
import { unreadList } from '../../client/live-list';
import { FormRow, oneLineText, useFormStyles } from '../../components/form-layout';
import { useConsoleStores } from '../../console/console-stores';
import { AdvertisementNotes } from './advertisement-notes';
import type { AdvertisementPageProps } from './advertisement-page-props';
import { BrowseCollectionDialog } from './browse-collection-dialog';
import { BrowsePackageDialog } from './browse-package-dialog';

/** General: what is offered (a program of a package) and to whom (a collection, with its subcollections or not). */
export function AdvertisementGeneralPage({ draft, issues, onChange }: AdvertisementPageProps) {
  const page = useFormStyles();
  const stores = useConsoleStores();
  const packages = useStore(stores.packages, (s) => s.list.items);
  const collections = useStore(stores.collections, (s) => s.list.items);
  const programs = useStore(stores.programs, (s) => (draft.packageId === '' ? undefined : s.lists[draft.packageId])) ?? unreadList;
  const [browsing, setBrowsing] = useState<'package' | 'collection' | null>(null);

  useEffect(() => {
    if (draft.packageId !== '') void stores.programs.getState().load(draft.packageId);
  }, [stores, draft.packageId]);

  const sortedPackages = [...packages].sort((a, b) => fullPackageName(a).localeCompare(fullPackageName(b)));
  const chosenPackage = packages.find((p) => p.packageId === draft.packageId);
  // Each kind of program has its own wizard (docs/advertisements.md#advertisements-for-devices).
  const programNames = programs.items.filter((p) => p.kind === draft.kind).map((p) => p.name).sort((a, b) => a.localeCompare(b));
  const collection = collections.find((c) => c.collectionId === draft.collectionId);

  let programPlaceholder = 'Select a program';
  if (draft.packageId === '') programPlaceholder = 'Select a package first';
  else if (programs.status === 'loading') programPlaceholder = 'Reading the programs…';
  else if (programs.status === 'ready' && programNames.length === 0) programPlaceholder = draft.kind === 'device' ? 'This package has no programs for devices' : 'This package has no programs for computers';

  return (
    <div className={page.page}>
      <FormRow label="Name" field="advertisementName" issue={issues.advertisementName} required>
        <Input value={draft.advertisementName} onChange={(_, data) => onChange({ advertisementName: data.value })} />
      </FormRow>
      <FormRow label="Comment" field="comment" issue={issues.comment}>
        <Textarea {...oneLineText} value={draft.comment} rows={2} resize="none" onChange={(_, data) => onChange({ comment: data.value })} />
      </FormRow>
      <FormRow
        label="Package"
        field="packageId"
        issue={issues.packageId}
        required
        after={
          <Button size="small" aria-label="Browse for a package" onClick={() => setBrowsing('package')}>
            Browse…
          </Button>
        }
      >
        <Dropdown
          className={page.dropdown}
          placeholder="Select a package"
          value={chosenPackage ? `${fullPackageName(chosenPackage)} (${chosenPackage.packageId})` : draft.packageId}
          selectedOptions={draft.packageId === '' ? [] : [draft.packageId]}
          onOptionSelect={(_, data) => {
            if (data.optionValue !== undefined && data.optionValue !== draft.packageId) onChange({ packageId: data.optionValue, programName: '' });
          }}
        >
          {sortedPackages.map((p) => (
            <Option key={p.packageId} value={p.packageId}>
              {`${fullPackageName(p)} (${p.packageId})`}
            </Option>
          ))}
        </Dropdown>
      </FormRow>
      <FormRow label="Program" field="programName" issue={issues.programName} required>
        <Dropdown
          className={page.dropdown}
          disabled={draft.packageId === ''}
          placeholder={programPlaceholder}
          value={draft.programName}
          selectedOptions={draft.programName === '' ? [] : [draft.programName]}
          onOptionSelect={(_, data) => data.optionValue !== undefined && onChange({ programName: data.optionValue })}
        >
          {programNames.map((name) => (
            <Option key={name} value={name}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </FormRow>
      <FormRow
        label="Collection"
        field="collectionId"
        issue={issues.collectionId}
        required
        after={
          <Button size="small" aria-label="Browse for a collection" onClick={() => setBrowsing('collection')}>
            Browse…
          </Button>
        }
      >
        <Input readOnly value={collection ? `${collection.name} (${collection.collectionId})` : draft.collectionId} placeholder="Browse for a collection" />
      </FormRow>
      <Checkbox
        label="Include members of subcollections"
        checked={draft.includeSubcollections}
        onChange={(_, data) => onChange({ includeSubcollections: data.checked === true })}
      />
      {draft.packageId !== '' && <AdvertisementNotes packageId={draft.packageId} />}
      {browsing === 'package' && (
        <BrowsePackageDialog
          selected={draft.packageId}
          onCancel={() => setBrowsing(null)}
          onSelect={(p) => {
            setBrowsing(null);
            if (p.packageId !== draft.packageId) onChange({ packageId: p.packageId, programName: '' });
          }}
        />
      )}
      {browsing === 'collection' && (
        <BrowseCollectionDialog
          selected={draft.collectionId}
          onCancel={() => setBrowsing(null)}
          onSelect={(c) => {
            setBrowsing(null);
            onChange({ collectionId: c.collectionId });
          }}
        />
      )}
    </div>
  );
}
