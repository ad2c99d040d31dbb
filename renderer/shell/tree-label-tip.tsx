import { Portal, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** Where a cut label's full text shows: over the label itself, as a Windows tree's in-place tooltip. */
export interface LabelTip {
  readonly text: string;
  readonly left: number;
  readonly top: number;
  readonly height: number;
}

/** The label's padding inside the tip, so the tip's text lies exactly over the label's. */
export const tipPadding = 4;

const useStyles = makeStyles({
  tip: {
    position: 'fixed',
    zIndex: 1000000,
    boxSizing: 'border-box',
    display: 'flex',
    alignItems: 'center',
    paddingLeft: `${tipPadding - 1}px`,
    paddingRight: `${tipPadding - 1}px`,
    whiteSpace: 'nowrap',
    // The row under it keeps the pointer: a click goes to the item, as in Windows.
    pointerEvents: 'none',
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    boxShadow: tokens.shadow8,
  },
});

/**
 * Whether a label is cut: by its own ellipsis, or by the edges of the pane that scrolls it. Only
 * a cut label gets a tip; a label shown whole needs none.
 */
export function isLabelCut(label: HTMLElement, pane: HTMLElement): boolean {
  if (label.scrollWidth > label.clientWidth + 1) return true;
  const box = label.getBoundingClientRect();
  const view = pane.getBoundingClientRect();
  // clientWidth leaves out the vertical scroll bar.
  return box.left < view.left - 0.5 || box.right > view.left + pane.clientWidth + 0.5;
}

export function tipFor(label: HTMLElement, row: HTMLElement, text: string): LabelTip {
  const box = label.getBoundingClientRect();
  const line = row.getBoundingClientRect();
  return { text, left: box.left - tipPadding, top: line.top, height: line.height };
}

export function TreeLabelTip({ tip, id }: { readonly tip: LabelTip | null; readonly id: string }): ReactNode {
  const styles = useStyles();
  if (tip === null) return null;
  return (
    <Portal>
      <div id={id} role="tooltip" className={styles.tip} style={{ left: Math.max(0, tip.left), top: tip.top, height: tip.height }}>
        {tip.text}
      </div>
    </Portal>
  );
}
