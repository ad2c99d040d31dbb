import { Button, Input, Text, Textarea } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import type { CollectionDto, CollectionRuleDto, CollectionRuleInput } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { FormRow, oneLineText, useFormStyles } from '../../components/form-layout';
import { PropertySheet, SessionLoadState, sessionSheetProps, useFollowWhileClean, usePropertiesSession } from '../../components/property-sheet';
import { useConsoleStores } from '../../console/console-stores';
import { SecurityNote } from '../packages/security-note';
import { CollectionAdvertisementsPage } from './collection-advertisements';
import { RulesTable, useTableStyles } from './collection-tables';
import { LimitToCollectionField } from './limit-to-collection-field';
import { collectionLabels, collectionProperties, collectionTabs } from './collection-properties-model';
import type { RuleDialogProps } from './collections-kinds';
import { DirectRuleDialog } from './direct-rule-dialog';
import { MaintenanceWindowsPage } from './maintenance-windows-page';
import { MembershipSchedulePage } from './membership-schedule-page';
import { QueryRuleDialog } from './query-rule-dialog';


function ruleDetail(rule: CollectionRuleDto): string {
  return rule.kind === 'direct' ? `Resource ID ${rule.resourceId}` : `${rule.resourceClass}: ${rule.query}`;
}

/**
 * A collection's Properties: General (name, comment, limit), Membership Schedule and Maintenance
 * Windows saved with OK or Apply; rules change at once, as the suite's Membership Rules tab does;
 * Advertisements lists what targets it, and Security says what Courier does about rights.
 */
export function CollectionPropertiesDialog({ collectionId, onClose, onStatus }: { readonly collectionId: string; readonly onClose: () => void; readonly onStatus: (text: string) => void }): ReactNode {
  const courier = useCourier();
  const form = useFormStyles();
  const styles = useTableStyles();
  const model = collectionProperties;
  const { collections } = useConsoleStores();
  const load = () => courier['collections:get']({ collectionId });
  const session = usePropertiesSession(
    model,
    load,
    (_, changes) => courier['collections:update']({ collectionId, changes }),
    (saved) => {
      collections.getState().upsert([saved]);
      onStatus(`Saved collection ${saved.name} (${saved.collectionId}).`);
    },
  );
  const { state, dispatch } = session;
  const ready = state.kind === 'ready' ? state : null;
  useFollowWhileClean(model, session, 'collections:changed', (event) => event.collectionId === collectionId, load);
  // The rules change at once through their own requests; the latest answer is what the tab lists.
  const [ruled, setRuled] = useState<CollectionDto | null>(null);
  const [selectedRule, setSelectedRule] = useState<string | null>(null);
  const [adding, setAdding] = useState<'query' | 'direct' | null>(null);
  const [ruleError, setRuleError] = useState<string | null>(null);

  const issues = ready ? model.propertiesIssues(ready) : {};
  const sheet = sessionSheetProps(model, session);
  const disabled = ready?.saving ?? true;
  // The newer of the last rule change's answer and what the sheet read (a change from elsewhere is read again while nothing is pending).
  const saved = ready?.saved ?? null;
  const shown = ruled !== null && (saved === null || ruled.lastModified >= saved.lastModified) ? ruled : saved;
  const builtIn = shown?.builtIn ?? false;

  const ruleChanged = (collection: CollectionDto) => {
    setRuled(collection);
    collections.getState().upsert([collection]);
  };

  async function removeRule(ruleName: string): Promise<void> {
    setRuleError(null);
    const result = await settle(() => courier['collections:remove-rule']({ collectionId, ruleName }));
    if (!result.ok) return setRuleError(result.error.message);
    setSelectedRule(null);
    ruleChanged(result.value);
    onStatus(`Removed the rule ${ruleName} from ${result.value.name}; ${result.value.memberCount} members.`);
  }

  /** Each rule through its own request: a refusal names the rule, and the rules added before it stay. */
  async function addRules(rules: readonly CollectionRuleInput[]) {
    let latest: CollectionDto | null = null;
    for (const rule of rules) {
      const result = await settle(() => courier['collections:add-rule']({ collectionId, rule }));
      if (!result.ok) {
        if (latest !== null) ruleChanged(latest);
        return result.error;
      }
      latest = result.value;
    }
    if (latest !== null) {
      ruleChanged(latest);
      onStatus(`Added ${rules.length === 1 ? 'a rule' : `${rules.length} rules`} to ${latest.name}; ${latest.memberCount} members.`);
    }
    return null;
  }

  const ruleProps: RuleDialogProps | null =
    shown === null
      ? null
      : {
          ruleNames: shown.rules.map((r) => r.ruleName),
          directResourceIds: shown.rules.flatMap((r) => (r.kind === 'direct' ? [r.resourceId] : [])),
          limitToCollectionId: shown.limitToCollectionId,
          onClose: () => setAdding(null),
          submit: addRules,
        };
  const nested = ruleProps === null || adding === null ? null : adding === 'query' ? <QueryRuleDialog {...ruleProps} /> : <DirectRuleDialog {...ruleProps} />;

  return (
    <PropertySheet open title={`${shown?.name ?? collectionId} Properties`} tabs={collectionTabs} {...sheet} onClose={onClose}>
      <SessionLoadState state={state} reading="Reading the collection…" />
      {ready !== null && sheet.selectedTab === 'general' && (
        <div className={form.page}>
          <FormRow label="Collection ID" messageLine={false}>
            <Input readOnly value={ready.saved.collectionId} />
          </FormRow>
          <FormRow label={collectionLabels.name} field="name" issue={issues.name} required>
            <Input {...oneLineText} value={ready.draft.name} disabled={disabled || builtIn} onChange={(_, data) => dispatch({ type: 'edit', changes: { name: data.value } })} />
          </FormRow>
          <FormRow label={collectionLabels.comment} field="comment" issue={issues.comment}>
            <Textarea {...oneLineText} rows={3} resize="none" value={ready.draft.comment} disabled={disabled} onChange={(_, data) => dispatch({ type: 'edit', changes: { comment: data.value } })} />
          </FormRow>
          <LimitToCollectionField
            value={ready.draft.limitToCollectionId}
            exceptId={collectionId}
            issue={issues.limitToCollectionId}
            disabled={disabled || builtIn}
            onChange={(limitToCollectionId) => dispatch({ type: 'edit', changes: { limitToCollectionId } })}
          />
          {builtIn && <Text size={200} className={form.note}>A built-in collection holds every resource of its type: it cannot be renamed, limited or given rules.</Text>}
        </div>
      )}
      {shown !== null && sheet.selectedTab === 'rules' && (
        <div className={form.page}>
          {shown.rules.length === 0 ? (
            <Text>{builtIn ? `Every ${shown.builtInType === 'userGroup' ? 'user group' : shown.builtInType} of the site is a member.` : 'No membership rules: the collection has no members.'}</Text>
          ) : (
            <RulesTable
              rows={shown.rules.map((rule) => ({ key: rule.ruleName, name: rule.ruleName, kind: rule.kind, detail: ruleDetail(rule) }))}
              detailHeading="Class / query"
              selected={selectedRule}
              onSelect={setSelectedRule}
            />
          )}
          <div className={styles.buttons}>
            <Button icon={<AddRegular />} disabled={builtIn} onClick={() => setAdding('query')}>
              New Query Rule…
            </Button>
            <Button icon={<AddRegular />} disabled={builtIn} onClick={() => setAdding('direct')}>
              New Direct Rule…
            </Button>
            <Button icon={<DeleteRegular />} disabled={builtIn || selectedRule === null} onClick={() => selectedRule !== null && void removeRule(selectedRule)}>
              Remove Rule
            </Button>
          </div>
          {ruleError !== null && <Text role="alert">{ruleError}</Text>}
        </div>
      )}
      {ready !== null && sheet.selectedTab === 'schedule' && (
        <MembershipSchedulePage token={ready.draft.membershipSchedule} disabled={disabled} onChange={(membershipSchedule) => dispatch({ type: 'edit', changes: { membershipSchedule } })} />
      )}
      {ready !== null && sheet.selectedTab === 'windows' && (
        <MaintenanceWindowsPage windows={ready.draft.maintenanceWindows} disabled={disabled} onChange={(maintenanceWindows) => dispatch({ type: 'edit', changes: { maintenanceWindows } })} />
      )}
      {ready !== null && sheet.selectedTab === 'advertisements' && (
        <div className={form.page}>
          <CollectionAdvertisementsPage collectionId={collectionId} />
        </div>
      )}
      {ready !== null && sheet.selectedTab === 'security' && <SecurityNote object="collection" />}
      {nested}
    </PropertySheet>
  );
}
