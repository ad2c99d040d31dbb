import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout shared by the package's settings pages, so wizard pages and property tabs line up. */
export const usePackagePageStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalMNudge,
  },
  columns: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  /** Controls that depend on the option above them, indented as in the Windows dialogs. */
  nested: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingLeft: '28px',
  },
  inline: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
  },
  grow: {
    flexGrow: 1,
    minWidth: 0,
  },
  note: {
    color: tokens.colorNeutralForeground3,
  },
  spin: {
    width: '88px',
  },
});
