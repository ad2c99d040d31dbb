import { makeStyles, shorthands, tokens, typographyStyles } from '@fluentui/react-components';

// Layout values that change at run time (column widths, row height) arrive as CSS variables
// set on the grid root; everything else is static here. The sizes are Fluent's small ones: an
// admin reads dense MMC lists (24 px rows, 12 px text, tight headers), not an airy web page.
export const useDataGridStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
    minWidth: 0,
    height: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    outlineStyle: 'none',
    ':focus-visible': {
      outlineStyle: 'none',
    },
  },
  header: {
    flex: 'none',
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  headerRow: {
    display: 'grid',
    gridTemplateColumns: 'var(--data-grid-template)',
    width: 'var(--data-grid-width)',
    minWidth: '100%',
  },
  headerCell: {
    position: 'relative',
    display: 'flex',
    minWidth: 0,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  headerButton: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    flex: 1,
    minWidth: 0,
    height: '24px',
    ...shorthands.padding(0, tokens.spacingHorizontalSNudge),
    ...shorthands.border(0),
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    textAlign: 'start',
    cursor: 'default',
    ':hover': {
      backgroundColor: tokens.colorSubtleBackgroundHover,
      color: tokens.colorNeutralForeground2Hover,
    },
    ':active': {
      backgroundColor: tokens.colorSubtleBackgroundPressed,
    },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(${tokens.strokeWidthThick} * -1)`,
    },
  },
  headerButtonEnd: {
    justifyContent: 'flex-end',
  },
  headerLabel: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  // Always there, so the label has the same room sorted or not.
  sortSlot: {
    flex: 'none',
    display: 'inline-flex',
    width: '12px',
  },
  sortIcon: {
    fontSize: '12px',
    color: tokens.colorNeutralForeground3,
  },
  resizer: {
    position: 'absolute',
    top: 0,
    right: '-4px',
    width: '8px',
    height: '100%',
    cursor: 'col-resize',
    zIndex: 1,
    touchAction: 'none',
  },
  body: {
    position: 'relative',
    flex: 1,
    minHeight: 0,
    overflow: 'auto',
    outlineStyle: 'none',
    // Its size comes from the flex layout, never from its rows: what a scroll frame changes inside
    // is laid out and painted without the rest of the console being looked at again.
    contain: 'strict',
  },
  sizer: {
    position: 'relative',
    width: 'var(--data-grid-width)',
    minWidth: '100%',
  },
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    display: 'grid',
    gridTemplateColumns: 'var(--data-grid-template)',
    alignItems: 'center',
    width: 'var(--data-grid-width)',
    minWidth: '100%',
    height: 'var(--data-grid-row-height)',
    boxSizing: 'border-box',
    // Each row is sized by the grid, not by its text: a row whose text changes is laid out alone.
    contain: 'strict',
    cursor: 'default',
    userSelect: 'none',
    ':hover': {
      backgroundColor: tokens.colorSubtleBackgroundHover,
    },
  },
  // Like a Windows list view: the selection is vivid while the list has focus and grey after.
  rowSelected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    ':hover': {
      backgroundColor: tokens.colorSubtleBackgroundSelected,
    },
  },
  rowSelectedFocused: {
    backgroundColor: tokens.colorBrandBackground2Hover,
    color: tokens.colorNeutralForeground1,
    ':hover': {
      backgroundColor: tokens.colorBrandBackground2Hover,
    },
  },
  rowActive: {
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: `calc(${tokens.strokeWidthThin} * -1)`,
  },
  // Block, not flex, so long text ends in an ellipsis; renderers that add an icon bring their own span.
  cell: {
    display: 'block',
    minWidth: 0,
    height: '100%',
    lineHeight: 'var(--data-grid-row-height)',
    ...shorthands.padding(0, tokens.spacingHorizontalSNudge),
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  cellEnd: {
    textAlign: 'end',
  },
  empty: {
    ...typographyStyles.caption1,
    ...shorthands.padding(tokens.spacingVerticalS, tokens.spacingHorizontalM),
    color: tokens.colorNeutralForeground3,
  },
});
