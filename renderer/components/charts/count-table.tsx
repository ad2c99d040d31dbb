import { makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  // Out of sight but read by screen readers and by find-in-page: the chart's text alternative.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export interface CountTableProps {
  readonly caption: string;
  /** The header of the label column and of each count column. */
  readonly headers: readonly [string, ...string[]];
  readonly rows: readonly { readonly key: string; readonly cells: readonly [string, ...number[]] }[];
}

/** A chart's counts as a visually hidden table, so what the chart shows can be read as text. */
export function CountTable({ caption, headers, rows }: CountTableProps): ReactNode {
  const styles = useStyles();
  return (
    <table className={styles.hidden}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, i) =>
              i === 0 ? (
                <th key="label" scope="row">
                  {cell}
                </th>
              ) : (
                <td key={headers[i]}>{cell.toLocaleString('en-US')}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
