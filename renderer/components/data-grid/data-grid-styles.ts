import { makeStyles, shorthands, tokens, typographyStyles } from '@fluentui/react-components';

// Layout values that change at run time (column widths, row height) arrive as CSS variables
// set on the grid root; everything else is static here.
export const useDataGridStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
    minWidth: 0,
    height: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ...typographyStyles.caption1,
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
    ...typographyStyles.caption1,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    flex: 1,
    minWidth: 0,
    height: '26px',
    ...shorthands.padding(0, tokens.spacingHorizontalS),
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
  sortIcon: {
    flex: 'none',
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
    ...shorthands.padding(0, tokens.spacingHorizontalS),
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  cellEnd: {
    textAlign: 'end',
  },
  empty: {
    ...typographyStyles.body1,
    ...shorthands.padding(tokens.spacingVerticalL, tokens.spacingHorizontalL),
    color: tokens.colorNeutralForeground3,
  },
});
