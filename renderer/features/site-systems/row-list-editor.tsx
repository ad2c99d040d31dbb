import { Button, Text, mergeClasses } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { Fragment, type ReactNode } from 'react';
import { fieldAnchor, SmallControls } from '../../components/form-layout';
import { useRowListStyles } from './row-list-styles';

export interface RowListEditorProps<T> {
  /** "Volumes": the group's name, and the field a problem with the whole list is anchored to. */
  readonly label: string;
  readonly field: string;
  /** "volume": in "Remove volume 2" and "Add Volume". */
  readonly noun: string;
  readonly rows: readonly T[];
  readonly max: number;
  readonly gridTemplateColumns: string;
  /** Column headings, with an empty one over the remove buttons. */
  readonly headings?: readonly string[];
  readonly empty: string;
  readonly listIssue: string | undefined;
  readonly disabled: boolean;
  readonly newRow: (rows: readonly T[]) => T;
  /** The row's own controls, before its remove button; `edit` changes this row only. */
  readonly cells: (row: T, index: number, edit: (change: Partial<T>) => void) => ReactNode;
  /** What is wrong with the row, shown under it. */
  readonly rowIssue: (index: number) => string | undefined;
  readonly onChange: (rows: readonly T[]) => void;
}

/**
 * An editable list of a DP's settings (volumes, boundaries): a bordered box of rows, each with a
 * remove button and its problem under it, then Add and the problem with the list as a whole.
 */
export function RowListEditor<T>(props: RowListEditorProps<T>) {
  const { rows, disabled, onChange } = props;
  const styles = useRowListStyles();
  const columns = { gridTemplateColumns: props.gridTemplateColumns };
  const capitalNoun = props.noun.charAt(0).toUpperCase() + props.noun.slice(1);
  const edit = (index: number) => (change: Partial<T>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <SmallControls>
      <div className={styles.box} role="group" aria-label={props.label} {...fieldAnchor(props.field)}>
        {props.headings !== undefined && (
          <div className={mergeClasses(styles.row, styles.head)} style={columns} aria-hidden>
            {props.headings.map((heading, i) => (
              <span key={i}>{heading}</span>
            ))}
          </div>
        )}
        {rows.length === 0 && <Text className={styles.empty}>{props.empty}</Text>}
        {rows.map((row, i) => {
          const issue = props.rowIssue(i);
          return (
            <Fragment key={i}>
              <div className={styles.row} style={columns}>
                {props.cells(row, i, edit(i))}
                <Button
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={`Remove ${props.noun} ${i + 1}`}
                  title={`Remove this ${props.noun}`}
                  disabled={disabled}
                  onClick={() => onChange(rows.filter((_, k) => k !== i))}
                />
              </div>
              {issue !== undefined && (
                <Text className={styles.issue} role="alert">
                  {issue}
                </Text>
              )}
            </Fragment>
          );
        })}
      </div>
      <div className={styles.buttons}>
        <Button size="small" icon={<AddRegular />} disabled={disabled || rows.length >= props.max} onClick={() => onChange([...rows, props.newRow(rows)])}>
          Add {capitalNoun}
        </Button>
        {props.listIssue !== undefined && (
          <Text className={styles.issue} role="alert">
            {props.listIssue}
          </Text>
        )}
      </div>
    </SmallControls>
  );
}
