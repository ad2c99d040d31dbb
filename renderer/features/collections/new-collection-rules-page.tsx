import { Button, Text } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useEffect, useState, type ReactNode } from 'react';
import type { ApiErrorDto, CollectionRuleInput } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { fieldAnchor, MessageLine, useFormStyles } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import type { SettingsPageProps } from '../programs/settings-wizard';
import { RulesTable, useTableStyles } from './collection-tables';
import { LimitToCollectionField } from './limit-to-collection-field';
import type { RuleDialogProps } from './collections-kinds';
import { DirectRuleDialog } from './direct-rule-dialog';
import { MembershipPreview, useMembershipPreview } from './membership-preview';
import type { NewCollectionDraft } from './new-collection-rules';
import { QueryRuleDialog } from './query-rule-dialog';


const noLimit = '';

export function ruleNameOf(rule: CollectionRuleInput, names: ReadonlyMap<number, string>): string {
  return rule.kind === 'query' ? rule.name : (names.get(rule.resourceId) ?? String(rule.resourceId));
}

/**
 * The wizard's Membership Rules page: the rules the collection will have (added with the Query
 * Rule and Direct Rule dialogs, nothing saved yet), its limiting collection, and a preview of
 * the members they give now, from the site server, whenever they change.
 */
export function NewCollectionRulesPage({ draft, issues, onChange, names, onNames }: SettingsPageProps<NewCollectionDraft> & {
  /** The resources of direct rules by ID, as the Direct Rule dialog found them. */
  readonly names: ReadonlyMap<number, string>;
  readonly onNames: (names: ReadonlyMap<number, string>) => void;
}): ReactNode {
  const courier = useCourier();
  const form = useFormStyles();
  const styles = useTableStyles();
  const [selected, setSelected] = useState<number | null>(null);
  const [adding, setAdding] = useState<'query' | 'direct' | null>(null);
  const [preview, runPreview] = useMembershipPreview();
  const limit = draft.limitToCollectionId === noLimit ? null : draft.limitToCollectionId;
  const question = JSON.stringify([draft.rules, limit]);

  useEffect(() => runPreview(draft.rules, limit), [question]);

  /** A query rule is checked by the site server (a one-row preview) before the draft takes it. */
  async function add(rules: readonly CollectionRuleInput[], found: ReadonlyMap<number, string>): Promise<ApiErrorDto | null> {
    const queries = rules.filter((rule) => rule.kind === 'query');
    if (queries.length > 0) {
      const checked = await settle(() => courier['collections:preview']({ rules: queries, limit: 1 }));
      if (!checked.ok) return checked.error;
    }
    onNames(new Map([...names, ...found]));
    onChange({ rules: [...draft.rules, ...rules] });
    return null;
  }

  const ruleProps: RuleDialogProps = {
    ruleNames: draft.rules.map((rule) => ruleNameOf(rule, names)),
    directResourceIds: draft.rules.flatMap((rule) => (rule.kind === 'direct' ? [rule.resourceId] : [])),
    limitToCollectionId: limit,
    onClose: () => setAdding(null),
    submit: add,
  };

  return (
    <div className={form.page}>
      {draft.rules.length === 0 ? (
        <Text>No membership rules yet: without one the collection has no members.</Text>
      ) : (
        <RulesTable
          rows={draft.rules.map((rule, index) => ({ key: String(index), name: ruleNameOf(rule, names), kind: rule.kind, detail: rule.kind === 'direct' ? `Resource ID ${rule.resourceId}` : rule.query }))}
          detailHeading="Resource / query"
          selected={selected === null ? null : String(selected)}
          onSelect={(key) => setSelected(Number(key))}
        />
      )}
      <div className={styles.buttons} {...fieldAnchor('rules')}>
        <Button icon={<AddRegular />} onClick={() => setAdding('query')}>
          New Query Rule…
        </Button>
        <Button icon={<AddRegular />} onClick={() => setAdding('direct')}>
          New Direct Rule…
        </Button>
        <Button
          icon={<DeleteRegular />}
          disabled={selected === null || selected >= draft.rules.length}
          onClick={() => {
            onChange({ rules: draft.rules.filter((_, index) => index !== selected) });
            setSelected(null);
          }}
        >
          Remove Rule
        </Button>
      </div>
      <MessageLine issue={issues.rules} reserve={false} />
      <LimitToCollectionField value={draft.limitToCollectionId} issue={issues.limitToCollectionId} onChange={(limitToCollectionId) => onChange({ limitToCollectionId })} />
      <GroupFrame legend="Members the rules give now">
        {draft.rules.length === 0 ? <Text size={200}>Add a rule to see its members.</Text> : <MembershipPreview state={preview} />}
      </GroupFrame>
      {adding === 'query' && <QueryRuleDialog {...ruleProps} />}
      {adding === 'direct' && <DirectRuleDialog {...ruleProps} />}
    </div>
  );
}
