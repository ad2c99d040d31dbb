import { Button, Dropdown, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ApiErrorDto, CollectionRuleInput } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { sortByText } from '../../components/data-grid';
import { FormRow, useFormStyles } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import { useConsoleStores } from '../../console/console-stores';
import type { SettingsPageProps } from '../programs/settings-wizard';
import type { RuleDialogProps } from './collections-kinds';
import { DirectRuleDialog } from './direct-rule-dialog';
import { MembershipPreview, useMembershipPreview } from './membership-preview';
import type { NewCollectionDraft } from './new-collection-rules';
import { QueryRuleDialog } from './query-rule-dialog';

const useStyles = makeStyles({
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { textAlign: 'left', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, verticalAlign: 'top' },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  nowrap: { whiteSpace: 'nowrap' },
  query: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

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
  const styles = useStyles();
  const all = useStore(useConsoleStores().collections, (s) => s.list.items);
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
  const limitChoices = sortByText(all, (c) => c.name);

  return (
    <div className={form.page}>
      {draft.rules.length === 0 ? (
        <Text>No membership rules yet: without one the collection has no members.</Text>
      ) : (
        <table className={styles.table} aria-label="Membership rules">
          <thead>
            <tr>
              <th>Name</th>
              <th>Type</th>
              <th>Resource / query</th>
            </tr>
          </thead>
          <tbody>
            {draft.rules.map((rule, index) => (
              <tr
                key={`${rule.kind}:${ruleNameOf(rule, names)}`}
                tabIndex={0}
                className={selected === index ? styles.selected : undefined}
                aria-selected={selected === index}
                onClick={() => setSelected(index)}
                onFocus={() => setSelected(index)}
              >
                <td className={styles.nowrap}>{ruleNameOf(rule, names)}</td>
                <td className={styles.nowrap}>{rule.kind === 'direct' ? 'Direct' : 'Query'}</td>
                <td className={rule.kind === 'query' ? styles.query : undefined}>{rule.kind === 'direct' ? `Resource ID ${rule.resourceId}` : rule.query}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className={styles.buttons}>
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
      <FormRow label="Limit to collection" field="limitToCollectionId" issue={issues.limitToCollectionId} hint="Members must also be members of this collection.">
        <Dropdown
          value={limit === null ? '(none)' : (all.find((c) => c.collectionId === limit)?.name ?? limit)}
          selectedOptions={[draft.limitToCollectionId]}
          onOptionSelect={(_, data) => onChange({ limitToCollectionId: data.optionValue ?? noLimit })}
        >
          <Option value={noLimit}>(none)</Option>
          {limitChoices.map((c) => (
            <Option key={c.collectionId} value={c.collectionId} text={c.name}>
              {`${c.name} (${c.collectionId})`}
            </Option>
          ))}
        </Dropdown>
      </FormRow>
      <GroupFrame legend="Members the rules give now">
        {draft.rules.length === 0 ? <Text size={200}>Add a rule to see its members.</Text> : <MembershipPreview state={preview} />}
      </GroupFrame>
      {adding === 'query' && <QueryRuleDialog {...ruleProps} />}
      {adding === 'direct' && <DirectRuleDialog {...ruleProps} />}
    </div>
  );
}
