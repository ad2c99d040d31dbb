import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** The small read-out tables of the collection dialogs: rules, windows, advertisements, members. */
export const useTableStyles = makeStyles({
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

export interface RuleRow {
  readonly key: string;
  readonly name: string;
  readonly kind: 'direct' | 'query';
  /** "Resource ID 16777217", or the query. */
  readonly detail: string;
}

/** A collection's membership rules, one selectable row each (click or focus). */
export function RulesTable({ rows, detailHeading, selected, onSelect }: {
  readonly rows: readonly RuleRow[];
  readonly detailHeading: string;
  readonly selected: string | null;
  readonly onSelect: (key: string) => void;
}): ReactNode {
  const styles = useTableStyles();
  return (
    <table className={styles.table} aria-label="Membership rules">
      <thead>
        <tr>
          <th>Name</th>
          <th>Type</th>
          <th>{detailHeading}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} tabIndex={0} className={selected === row.key ? styles.selected : undefined} aria-selected={selected === row.key} onClick={() => onSelect(row.key)} onFocus={() => onSelect(row.key)}>
            <td className={styles.nowrap}>{row.name}</td>
            <td className={styles.nowrap}>{row.kind === 'direct' ? 'Direct' : 'Query'}</td>
            <td className={row.kind === 'query' ? styles.query : undefined}>{row.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
