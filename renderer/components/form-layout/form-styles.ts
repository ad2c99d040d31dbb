import { makeStyles, tokens } from '@fluentui/react-components';

/** The layout of every dialog page, so wizard pages, property sheet tabs and small dialogs line up. */
export const useFormStyles = makeStyles({
  /** A page: its rows, frames and options one under another. */
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  /** Controls that depend on the option above them, indented past its box, as in the Windows dialogs. */
  nested: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingLeft: '24px',
    minWidth: 0,
  },
  /** Controls side by side on one line (an option and its drive letter). */
  inline: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  /** Explanatory text: quieter than the settings it explains. */
  note: {
    color: tokens.colorNeutralForeground3,
  },
  /** A number: wide enough for its largest value and the spin arrows. */
  number: { width: '88px' },
  /** Fluent's Dropdown insists on 250 pixels; in a form row it takes the row's width. */
  dropdown: { minWidth: 0, width: '100%', boxSizing: 'border-box' },
});
