import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout shared by the program pages, so wizard pages and property tabs line up. */
export const useProgramPageStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalMNudge },
  columns: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  /** Controls that depend on the option above them, indented as in the Windows dialogs. */
  nested: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingLeft: '28px' },
  inline: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground3 },
  number: { width: '104px' },
  unit: { minWidth: '84px', width: '84px' },
  letter: { minWidth: '76px', width: '76px' },
  error: { color: tokens.colorPaletteRedForeground1 },
});
