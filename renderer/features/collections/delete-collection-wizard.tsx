import { Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular, WarningRegular } from '@fluentui/react-icons';
import { useEffect, useReducer, useState, type ReactNode } from 'react';
import type { CollectionDeletedDto, CollectionDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { CloseAtOnce } from '../../components/close-at-once';
import { Wizard, type WizardFooter } from '../../components/wizard';
import { SettingsSummaryPage } from '../programs/settings-summary-page';
import { WizardOutcomePage } from '../programs/wizard-outcome-page';
import { AdvertisementsTable, useTargetingAdvertisements, type TargetingAdvertisements } from './collection-advertisements';
import { collectionIndex, deletionPlan, type DeletionPlan } from './collections-tree';
import {
  canGoBack,
  canGoNext,
  canJumpToPage,
  deleteBlocked,
  deleteCollectionPages,
  deleteCollectionReducer,
  deletesAdvertisements,
  initialDeleteCollectionState,
  type DeleteCollectionPage,
  type DeleteCollectionState,
} from './delete-collection-reducer';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  message: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  warning: { fontSize: '32px', color: tokens.colorStatusWarningForeground1, flexShrink: 0 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** The status bar's line from the core's answer. */
export function deletedText(answer: CollectionDeletedDto): string {
  const [first, ...subs] = answer.deleted;
  const what = first === undefined ? 'nothing' : `collection ${first.name} (${first.collectionId})`;
  const andSubs = subs.length === 0 ? '' : ` and ${subs.length === 1 ? '1 subcollection' : `${subs.length} subcollections`}`;
  const unlinked = answer.unlinked.length === 0 ? '' : `; unlinked ${answer.unlinked.map((u) => u.name).join(', ')}`;
  const ads = answer.deletedAdvertisements.length;
  const advertisements = ads === 0 ? '' : `; deleted ${ads === 1 ? '1 advertisement' : `${ads} advertisements`}`;
  return `Deleted ${what}${andSubs}${unlinked}${advertisements}.`;
}

function footerFor(state: DeleteCollectionState, targeting: TargetingAdvertisements): WizardFooter {
  if (state.page === 'confirmation') return { kind: 'confirmation', canGoBack: canGoBack(state) };
  if (state.page === 'summary') {
    return { kind: 'summary', canGoBack: canGoBack(state), canGoNext: canGoNext(state), busy: state.submission.kind === 'deleting', busyLabel: 'Deleting the collection…' };
  }
  // A list that could not be read holds Next with its reason, not "Reading…".
  const blocked = targeting.state === 'failed' && state.advertisements === null && state.page === 'advertisements' ? targeting.message : deleteBlocked(state);
  return {
    kind: 'page',
    canGoBack: canGoBack(state),
    canGoNext: canGoNext(state),
    // Summary is reached through the Advertisements page, which must be seen before anything is deleted.
    canJumpToSummary: false,
    blocked: blocked === null ? null : { message: blocked, ...(state.advertisements !== null ? { field: 'confirm', fieldLabel: 'Delete these advertisements' } : {}) },
  };
}

function names(list: readonly { readonly collectionId: string; readonly name: string }[]): string {
  return list.map((c) => `${c.name} (${c.collectionId})`).join(', ');
}

function Body({ state, collection, plan, targeting, onConfirm, onBack }: {
  readonly state: DeleteCollectionState;
  readonly collection: CollectionDto;
  readonly plan: DeletionPlan;
  readonly targeting: TargetingAdvertisements;
  readonly onConfirm: (confirmed: boolean) => void;
  /** From a failure back to Summary. */
  readonly onBack: () => void;
}): ReactNode {
  const styles = useStyles();
  const subs = plan.deleted.filter((c) => c.collectionId !== collection.collectionId);
  switch (state.page) {
    case 'general':
      return (
        <div className={styles.message}>
          <WarningRegular className={styles.warning} aria-hidden />
          <div className={styles.text}>
            <Text>
              You have chosen to delete the collection <Text weight="semibold">{collection.name}</Text> ({collection.collectionId}), with{' '}
              {collection.rules.length === 1 ? '1 membership rule' : `${collection.rules.length} membership rules`} and {collection.memberCount === 1 ? '1 member' : `${collection.memberCount} members`}.
            </Text>
            <Text>
              Deleting a collection produces a ripple effect: its own subcollections are deleted too, and so are the advertisements that target it or
              them, which are no longer offered to their members. The resources themselves stay at the site. The next pages list what goes.
            </Text>
            <Text>Click Next to review them, or Cancel to keep the collection.</Text>
          </div>
        </div>
      );
    case 'subcollections':
      return (
        <div className={styles.page}>
          {subs.length === 0 ? (
            <Text>It has no subcollections of its own.</Text>
          ) : (
            <div className={styles.text}>
              <Text>{subs.length === 1 ? 'Its subcollection is deleted with it:' : `Its ${subs.length} subcollections are deleted with it:`}</Text>
              <ul className={styles.list} aria-label="Deleted with it">
                {subs.map((c) => (
                  <li key={c.collectionId}>
                    {c.name} ({c.collectionId})
                  </li>
                ))}
              </ul>
            </div>
          )}
          {plan.unlinked.length > 0 && (
            <div className={styles.text}>
              <Text>Only linked here, these stay where they belong and lose the link:</Text>
              <ul className={styles.list} aria-label="Only unlinked">
                {plan.unlinked.map((c) => (
                  <li key={`${c.parentName}/${c.collectionId}`}>
                    {c.name} ({c.collectionId}), linked under {c.parentName}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      );
    case 'advertisements':
      return (
        <div className={styles.page}>
          {state.notice !== null && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>The site server has advertisements the list did not show.</MessageBarTitle>
                {state.notice}
              </MessageBarBody>
            </MessageBar>
          )}
          {targeting.state === 'loading' ? (
            <Text>Reading the advertisements that target it…</Text>
          ) : targeting.state === 'failed' ? (
            <Text role="alert">{targeting.message}</Text>
          ) : targeting.advertisements.length === 0 ? (
            <Text>No advertisement targets the collection{subs.length > 0 ? ' or its subcollections' : ''}: none are deleted.</Text>
          ) : (
            <>
              <Text>
                {targeting.advertisements.length === 1 ? 'This advertisement targets' : `These ${targeting.advertisements.length} advertisements target`} the collection
                {subs.length > 0 ? ' or its subcollections' : ''}, and will be deleted with it:
              </Text>
              <AdvertisementsTable advertisements={targeting.advertisements} label="Advertisements deleted with it" showCollection />
              <Checkbox
                label="Delete these advertisements with the collection"
                checked={state.confirmed}
                disabled={state.submission.kind === 'deleting'}
                onChange={(_, data) => onConfirm(data.checked === true)}
                data-field="confirm"
              />
            </>
          )}
        </div>
      );
    case 'summary': {
      const ads = targeting.state === 'ready' ? targeting.advertisements : [];
      return (
        <SettingsSummaryPage
          intro="The wizard will delete these. Click Next to delete them."
          sections={[
            {
              title: 'Deleted',
              rows: [
                { label: 'Collection', value: `${collection.name} (${collection.collectionId})` },
                { label: 'Subcollections', value: subs.length === 0 ? '(none)' : names(subs) },
                { label: 'Advertisements', value: ads.length === 0 ? '(none)' : ads.map((a) => `${a.advertisementId} (${a.advertisementName})`).join(', ') },
              ],
            },
            { title: 'Kept', rows: [{ label: 'Only unlinked', value: plan.unlinked.length === 0 ? '(none)' : names(plan.unlinked) }] },
          ]}
        />
      );
    }
    case 'confirmation': {
      const submission = state.submission;
      if (submission.kind === 'failed') {
        return <WizardOutcomePage wizard="Delete Collection Wizard" notDone="Nothing was deleted." outcome={{ kind: 'failed', error: submission.error, place: null }} onFixProblem={onBack} />;
      }
      if (submission.kind !== 'deleted') return null;
      const { result } = submission;
      return (
        <WizardOutcomePage
          wizard="Delete Collection Wizard"
          notDone="Nothing was deleted."
          outcome={{
            kind: 'created',
            rows: [
              { label: 'Deleted collections', value: names(result.deleted) },
              { label: 'Deleted advertisements', value: result.deletedAdvertisements.length === 0 ? '(none: no advertisement targeted them)' : result.deletedAdvertisements.map((a) => `${a.advertisementId} (${a.name})`).join(', ') },
              ...(result.unlinked.length === 0 ? [] : [{ label: 'Only unlinked', value: names(result.unlinked) }]),
            ],
          }}
          onFixProblem={onBack}
        />
      );
    }
  }
}

export interface DeleteCollectionWizardProps {
  readonly collection: CollectionDto;
  /** Every collection of the site, to tell which go and which are only unlinked. */
  readonly collections: readonly CollectionDto[];
  readonly onClose: () => void;
  readonly onDeleted: (answer: CollectionDeletedDto) => void;
}

/** Deletes a collection with its own subcollections and, once confirmed, the advertisements that target them. */
export function DeleteCollectionWizard({ collection, collections, onClose, onDeleted }: DeleteCollectionWizardProps): ReactNode {
  const courier = useCourier();
  const [state, dispatch] = useReducer(deleteCollectionReducer, initialDeleteCollectionState);
  const [plan] = useState(() => deletionPlan(collections, collection.collectionId));
  const targeting = useTargetingAdvertisements(
    plan.deleted.map((c) => c.collectionId),
    state.round,
  );
  const read = targeting.state === 'ready' ? targeting : null;
  useEffect(() => {
    if (read !== null) dispatch({ type: 'advertisementsRead', count: read.advertisements.length, round: read.round });
  }, [read?.round, read?.advertisements.length, state.round]);

  async function remove(): Promise<void> {
    if (!canGoNext(state)) return;
    dispatch({ type: 'deleteStarted' });
    const result = await settle(() => courier['collections:delete']({ collectionId: collection.collectionId, deleteAdvertisements: deletesAdvertisements(state) }));
    if (result.ok) {
      dispatch({ type: 'deleted', result: result.value });
      onDeleted(result.value);
    } else {
      dispatch({ type: 'failed', error: result.error });
    }
  }

  const heading = deleteCollectionPages.find((p) => p.id === state.page)?.label ?? '';
  return (
    <Wizard<DeleteCollectionPage>
      open
      title="Delete Collection Wizard"
      pages={deleteCollectionPages}
      current={state.page}
      canJumpTo={(page) => canJumpToPage(state, page)}
      heading={heading}
      icon={<DeleteRegular />}
      footer={footerFor(state, targeting)}
      onJumpTo={(page) => dispatch({ type: 'jumpTo', page })}
      onPrevious={() => dispatch({ type: 'previous' })}
      onNext={() => (state.page === 'summary' ? void remove() : dispatch({ type: 'next' }))}
      onSummary={() => undefined}
      onClose={onClose}
    >
      <Body state={state} collection={collection} plan={plan} targeting={targeting} onConfirm={(confirmed) => dispatch({ type: 'confirm', confirmed })} onBack={() => dispatch({ type: 'previous' })} />
    </Wizard>
  );
}

/**
 * The wizard as the console opens it, by ID: it keeps the collection and tree it opened with, so
 * the pages do not change under the admin and the Confirmation page stays once the collection
 * has left the list.
 */
export function DeleteCollectionPopup({ collectionId, collections, onClose, onDeleted }: Omit<DeleteCollectionWizardProps, 'collection'> & { readonly collectionId: string }): ReactNode {
  const [opened] = useState(() => ({ collection: collectionIndex(collections).byId.get(collectionId), collections }));
  if (opened.collection === undefined) return <CloseAtOnce onClose={onClose} />;
  return <DeleteCollectionWizard collection={opened.collection} collections={opened.collections} onClose={onClose} onDeleted={onDeleted} />;
}
