import {
  FieldContextProvider,
  Label,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
  type FieldContextValue,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { controlHeight, formLabelWidth, messageLineHeight } from './dialog-metrics';
import { MessageLine } from './message-line';
import { fieldAnchor } from './field-anchor';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: `${formLabelWidth}px minmax(0, 1fr)`,
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  // The message line is always there, empty or not: a message that comes or goes never moves
  // the controls below it (a click that lands while a field loses its error must hit its target).
  withLine: { gridTemplateRows: `auto ${messageLineHeight}px` },
  label: {
    gridRowStart: 1,
    gridRowEnd: -1,
    // Centred on the first line of the control.
    paddingTop: `${(controlHeight - 16) / 2}px`,
    overflowWrap: 'anywhere',
  },
  control: {
    gridColumnStart: 2,
    minWidth: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  // The control takes the row's width; narrow controls (a number) keep their own.
  grow: { '& > :first-child': { flexGrow: 1, minWidth: 0 } },
  message: { gridColumnStart: 2 },
});

/** Fluent's small size for every control of a form, the console's compact density. */
const smallControls: FieldContextValue = {
  // No id: the controls it sizes are named by their own labels, not by a row's.
  generatedControlId: '',
  orientation: 'horizontal',
  required: false,
  size: 'small',
  validationState: 'none',
};

export interface FormRowProps {
  readonly label: string;
  /** The setting this row edits: the footer's link to a problem finds the row by it. */
  readonly field?: string;
  /** What is wrong with the value, shown in the row's message line. */
  readonly issue?: string;
  /** A short note for the message line while there is no issue ("0 to 59"). */
  readonly hint?: string;
  readonly required?: boolean;
  /** False for read-only rows, which have nothing to say: no message line. */
  readonly messageLine?: boolean;
  /** False when the control keeps its own width (a number); by default it fills the row. */
  readonly grow?: boolean;
  /** The row's control: Fluent controls inside take its id, label, description and small size. */
  readonly children: ReactNode;
  /** Controls after the main one on its line (Set…, a unit, Unknown), in small size but unlabelled by the row. */
  readonly after?: ReactNode;
  readonly className?: string;
}

/**
 * One row of a dialog's form, as in the Windows dialogs: the label in the label column, the
 * control beside it, and under the control one line for its message or hint.
 */
export function FormRow({ label, field, issue, hint, required = false, messageLine = true, grow = true, children, after, className }: FormRowProps) {
  const styles = useStyles();
  const id = useId('form-row-');
  const controlId = `${id}__control`;
  const labelId = `${id}__label`;
  const messageId = `${id}__message`;
  const message = issue ?? hint;
  const context: FieldContextValue = {
    generatedControlId: controlId,
    labelFor: controlId,
    labelId,
    hintId: undefined,
    validationMessageId: messageLine && message !== undefined ? messageId : undefined,
    validationState: issue !== undefined ? 'error' : 'none',
    orientation: 'horizontal',
    required,
    size: 'small',
  };
  return (
    <div
      className={mergeClasses(styles.row, messageLine && styles.withLine, className)}
      // A row of several controls is a group its label names, so "Unknown" is the run time's Unknown.
      {...(after !== undefined ? { role: 'group', 'aria-labelledby': labelId } : {})}
      {...(field !== undefined ? fieldAnchor(field) : {})}
    >
      <Label id={labelId} htmlFor={controlId} size="small" className={styles.label}>
        {label}
      </Label>
      <div className={mergeClasses(styles.control, grow && styles.grow)}>
        <FieldContextProvider value={context}>{children}</FieldContextProvider>
        {after !== undefined && <FieldContextProvider value={smallControls}>{after}</FieldContextProvider>}
      </div>
      {messageLine && <MessageLine id={messageId} className={styles.message} issue={issue} hint={hint} />}
    </div>
  );
}

/** Fluent's small size for controls outside a FormRow (a frame's drop-down, a schedule's parts). */
export function SmallControls({ children }: { readonly children: ReactNode }) {
  return <FieldContextProvider value={smallControls}>{children}</FieldContextProvider>;
}
