import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, type KeyboardEvent } from 'react';

const useStyles = makeStyles({
  frame: {
    height: '200px',
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  row: { cursor: 'default', userSelect: 'none' },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected },
  },
  cell: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  empty: { padding: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
});

export interface SettingListProps<T> {
  readonly label: string;
  readonly columns: readonly string[];
  readonly items: readonly T[];
  readonly keyOf: (item: T) => string;
  readonly cells: (item: T) => readonly string[];
  readonly selected: string | null;
  readonly onSelect: (key: string) => void;
  /** Double-click or Enter on a row (Edit). */
  readonly onOpen?: (key: string) => void;
  /** Del on a row (Remove). */
  readonly onDelete?: (key: string) => void;
  readonly empty: string;
}

/**
 * A property sheet's list of settings, as a Windows list view in report mode: one tab stop,
 * arrows move the selection, Enter opens and Del removes the selected row.
 */
export function SettingList<T>(props: SettingListProps<T>) {
  const styles = useStyles();
  const rowId = useId();
  const keys = props.items.map(props.keyOf);
  const index = props.selected === null ? -1 : keys.indexOf(props.selected);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = Math.min(keys.length - 1, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = keys.length - 1;
    else if (event.key === 'Enter' && index >= 0 && props.onOpen) props.onOpen(keys[index] ?? '');
    else if (event.key === 'Delete' && index >= 0 && props.onDelete) props.onDelete(keys[index] ?? '');
    else return;
    event.preventDefault();
    // Enter must not also press the sheet's default button.
    event.stopPropagation();
    const key = next === null ? undefined : keys[next];
    if (key !== undefined) props.onSelect(key);
  }

  return (
    <div
      className={styles.frame}
      tabIndex={0}
      role="group"
      aria-label={props.label}
      aria-activedescendant={index >= 0 ? `${rowId}-${index}` : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => {
        const first = keys[0];
        if (index < 0 && first !== undefined) props.onSelect(first);
      }}
    >
      <Table size="extra-small" aria-label={props.label}>
        <TableHeader>
          <TableRow>
            {props.columns.map((column) => (
              <TableHeaderCell key={column}>{column}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.items.map((item, i) => {
            const key = keys[i] ?? '';
            const isSelected = key === props.selected;
            return (
              <TableRow
                key={key}
                id={`${rowId}-${i}`}
                aria-selected={isSelected}
                className={mergeClasses(styles.row, isSelected && styles.selected)}
                onClick={() => props.onSelect(key)}
                onDoubleClick={() => props.onOpen?.(key)}
              >
                {props.cells(item).map((cell, c) => (
                  <TableCell key={props.columns[c] ?? c} className={styles.cell} title={cell}>
                    {cell}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {props.items.length === 0 && <div className={styles.empty}>{props.empty}</div>}
    </div>
  );
}
