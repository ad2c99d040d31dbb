import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

import type { TreeRowMetrics } from './tree-label-widths';

/** About MMC's row at 96 DPI, with Fluent's small text. */
export const treeRowHeight = 24;
/** Compact: one expander's width per level, as a Windows tree indents. */
export const treeIndentPerLevel = 16;

const chevronWidth = 16;
const iconWidth = 16;
const gap = 4;
const endPadding = 8;

/** The row's boxes around its label, for the content width (tree-label-widths.ts). */
export const treeRowMetrics: TreeRowMetrics = {
  indentStart: 4,
  indentPerLevel: treeIndentPerLevel,
  beforeLabel: chevronWidth + gap + iconWidth + gap,
  afterLabel: endPadding,
};

export const useConsoleTreeStyles = makeStyles({
  root: {
    position: 'relative',
    height: '100%',
    overflow: 'auto',
    outlineStyle: 'none',
    backgroundColor: tokens.colorNeutralBackground1,
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground1,
  },
  // Its width is the widest label's row (set by the tree), at least the pane's.
  sizer: {
    position: 'relative',
    minWidth: '100%',
  },
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    display: 'flex',
    alignItems: 'center',
    gap: `${gap}px`,
    minWidth: '100%',
    height: `${treeRowHeight}px`,
    boxSizing: 'border-box',
    paddingRight: `${endPadding}px`,
    whiteSpace: 'nowrap',
    cursor: 'default',
    userSelect: 'none',
    ':hover': {
      backgroundColor: tokens.colorSubtleBackgroundHover,
    },
  },
  // Windows' tree keeps the selection visible in grey when focus is elsewhere.
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    ':hover': {
      backgroundColor: tokens.colorSubtleBackgroundSelected,
    },
  },
  selectedFocused: {
    backgroundColor: tokens.colorBrandBackground2Hover,
    color: tokens.colorNeutralForeground1,
    ':hover': {
      backgroundColor: tokens.colorBrandBackground2Hover,
    },
  },
  focusRing: {
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: `calc(${tokens.strokeWidthThin} * -1)`,
  },
  chevron: {
    flex: 'none',
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: `${chevronWidth}px`,
    height: '16px',
    fontSize: '12px',
    color: tokens.colorNeutralForeground3,
    borderRadius: tokens.borderRadiusSmall,
    ':hover': {
      color: tokens.colorNeutralForeground1,
    },
  },
  icon: {
    flex: 'none',
    width: `${iconWidth}px`,
    fontSize: '16px',
    color: tokens.colorBrandForeground1,
  },
  label: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
});
