import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout shared by the program pages, so wizard pages and property tabs line up. */
export const useProgramPageStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalMNudge },
  /** Label beside its control, as in the SCCM 2007 program pages. */
  labelled: { gridTemplateColumns: '168px minmax(0, 1fr)' },
  /** Fluent's Dropdown insists on 250 pixels; here it takes the width it is given. */
  dropdown: { minWidth: 0, width: '100%', boxSizing: 'border-box' },
  warning: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  warningIcon: { flexShrink: 0, fontSize: '20px', color: tokens.colorStatusWarningForeground1 },
  columns: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    alignItems: 'start',
  },
  /** Controls that depend on the option above them, indented as in the Windows dialogs. */
  nested: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingLeft: '28px' },
  /** Package and program side by side; the package's full name is the longer. */
  // align start: a validation message under one field must not stretch its neighbour.
  dependent: { display: 'grid', gridTemplateColumns: '3fr 2fr', columnGap: tokens.spacingHorizontalM, alignItems: 'start' },
  inline: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground3 },
  /** A value's Field, then the controls that qualify it (unit, Unknown), on its input's line. */
  valueRow: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, minWidth: 0 },
  valueField: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  /** With a label column (labelled): the label beside the row, as a Field with orientation horizontal. */
  valueFieldBeside: { display: 'grid', alignItems: 'center', rowGap: tokens.spacingVerticalXXS, '& > :nth-child(3)': { gridColumnStart: 2 } },
  number: { width: '96px' },
  unit: { minWidth: '72px', width: '72px' },
  letter: { minWidth: '76px', width: '76px' },
  error: { color: tokens.colorPaletteRedForeground1 },
});
