import { Input, MessageBar, MessageBarBody, Text, Textarea } from '@fluentui/react-components';
import { PeopleCommunityAddRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { CollectionDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { FormRow, oneLineText, useFormStyles } from '../../components/form-layout';
import { useOpenCount } from '../../components/use-last-value';
import { useConsoleStores } from '../../console/console-stores';
import { SecurityNote } from '../packages/security-note';
import { SettingsWizard, type SettingsPageProps } from '../programs/settings-wizard';
import { MembershipSchedulePage } from './membership-schedule-page';
import { NewCollectionRulesPage } from './new-collection-rules-page';
import { createRequestOf, newCollectionDraft, newCollectionRules, newCollectionSummary, type NewCollectionDraft, type NewCollectionPage } from './new-collection-rules';
import { useDecodedSchedules } from './schedule-tokens';

export interface NewCollectionWizardProps {
  readonly open: boolean;
  /** Under a collection: the new one is its subcollection. */
  readonly parentCollectionId: string | null;
  readonly onClose: () => void;
  readonly onCreated?: (collection: CollectionDto) => void;
}

function GeneralPage({ draft, issues, onChange, parent }: SettingsPageProps<NewCollectionDraft> & { readonly parent: string | null }) {
  const form = useFormStyles();
  return (
    <div className={form.page}>
      <FormRow label="Name" field="name" issue={issues.name} required>
        <Input {...oneLineText} value={draft.name} onChange={(_, data) => onChange({ name: data.value })} />
      </FormRow>
      <FormRow label="Comment" field="comment" issue={issues.comment}>
        <Textarea {...oneLineText} rows={3} resize="none" value={draft.comment} onChange={(_, data) => onChange({ comment: data.value })} />
      </FormRow>
      <Text className={form.note}>{parent === null ? 'The collection is created at the top of Collections.' : `The collection is created as a subcollection of ${parent}.`}</Text>
    </div>
  );
}

function AdvertisementsPage() {
  const form = useFormStyles();
  return (
    <div className={form.page}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>A new collection has no advertisements yet. Once it is created, advertise programs to it with the New Advertisement Wizard; its Properties list the advertisements that target it.</MessageBarBody>
      </MessageBar>
    </div>
  );
}

/** The New Collection wizard (docs/console.md#collections); each opening starts empty. */
export function NewCollectionWizard(props: NewCollectionWizardProps): ReactNode {
  const opening = useOpenCount(props.open);
  return <NewCollectionSession key={opening} {...props} />;
}

function NewCollectionSession({ open, parentCollectionId, onClose, onCreated }: NewCollectionWizardProps): ReactNode {
  const courier = useCourier();
  const all = useStore(useConsoleStores().collections, (s) => s.list.items);
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());
  const [scheduleToken, setScheduleToken] = useState<string | null>(null);
  const decoded = useDecodedSchedules(scheduleToken === null ? [] : [scheduleToken]);
  const label = (id: string) => {
    const collection = all.find((c) => c.collectionId === id);
    return collection === undefined ? id : `${collection.name} (${id})`;
  };
  const parent = parentCollectionId === null ? null : label(parentCollectionId);

  const renderPage = (page: NewCollectionPage, props: SettingsPageProps<NewCollectionDraft>): ReactNode => {
    switch (page) {
      case 'general':
        return <GeneralPage {...props} parent={parent} />;
      case 'rules':
        return <NewCollectionRulesPage {...props} names={names} onNames={setNames} />;
      case 'schedule':
        return (
          <MembershipSchedulePage
            token={props.draft.membershipSchedule}
            onChange={(membershipSchedule) => {
              setScheduleToken(membershipSchedule);
              props.onChange({ membershipSchedule });
            }}
          />
        );
      case 'advertisements':
        return <AdvertisementsPage />;
      case 'security':
        return <SecurityNote object="collection" />;
    }
  };

  return (
    <SettingsWizard<NewCollectionDraft, NewCollectionPage, CollectionDto>
      open={open}
      title="New Collection Wizard"
      icon={<PeopleCommunityAddRegular />}
      rules={newCollectionRules}
      initialDraft={newCollectionDraft()}
      renderPage={renderPage}
      summary={(draft) =>
        newCollectionSummary(draft, {
          parent,
          collection: label,
          resourceName: (id) => names.get(id) ?? String(id),
          schedule: draft.membershipSchedule === null ? null : (decoded.get(draft.membershipSchedule) ?? null),
        })
      }
      summaryIntro={`The wizard will create a collection${parent === null ? '' : ` under ${parent}`} with these settings, and evaluate its membership. Click Next to create it.`}
      busyLabel="Creating the collection…"
      notDone="The collection was not created."
      create={(draft) => courier['collections:create'](createRequestOf(draft, parentCollectionId))}
      createdRows={(collection) => [
        { label: 'Collection ID', value: collection.collectionId },
        { label: 'Name', value: collection.name },
        { label: 'Members', value: String(collection.memberCount) },
      ]}
      onCreated={onCreated}
      onClose={onClose}
    />
  );
}
