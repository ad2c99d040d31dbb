import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  frame: {
    margin: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    // The form's rhythm inside the frame too (form-layout's page).
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  disabled: {
    '& > legend': { color: tokens.colorNeutralForegroundDisabled },
  },
});

export interface GroupFrameProps {
  readonly legend: string;
  /** Greys the legend; the controls inside are disabled by their own props. */
  readonly disabled?: boolean;
  readonly children: ReactNode;
}

/** The Windows group box ("frame"): a fieldset, so the legend also names the controls inside for screen readers. */
export function GroupFrame({ legend, disabled = false, children }: GroupFrameProps) {
  const styles = useStyles();
  return (
    // No native `disabled` here: Fluent controls draw their disabled look from their own prop.
    <fieldset className={mergeClasses(styles.frame, disabled && styles.disabled)}>
      <legend className={styles.legend}>{legend}</legend>
      {children}
    </fieldset>
  );
}
