import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const treeRowHeight = 24;

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
  sizer: {
    position: 'relative',
    minWidth: '100%',
    width: 'max-content',
  },
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minWidth: '100%',
    height: `${treeRowHeight}px`,
    boxSizing: 'border-box',
    paddingRight: tokens.spacingHorizontalS,
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
    width: '16px',
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
    fontSize: '16px',
    color: tokens.colorBrandForeground1,
  },
  label: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
});
