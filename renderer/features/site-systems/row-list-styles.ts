import { makeStyles, tokens } from '@fluentui/react-components';

/** The editable lists of a DP's settings (volumes, boundaries): a bordered box of rows and an Add button under it. */
export const useRowListStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    maxHeight: '176px',
    overflowY: 'auto',
  },
  head: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  row: { display: 'grid', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  issue: { color: tokens.colorStatusDangerForeground1, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  empty: { color: tokens.colorNeutralForeground3, padding: tokens.spacingVerticalXS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});
