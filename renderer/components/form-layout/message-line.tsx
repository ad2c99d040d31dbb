import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircle12Filled } from '@fluentui/react-icons';
import { messageLineHeight } from './dialog-metrics';

const useStyles = makeStyles({
  line: {
    minWidth: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: `${messageLineHeight}px`,
    color: tokens.colorNeutralForeground3,
  },
  // Always there, empty or not: a message that comes or goes never moves what is below it.
  reserved: { height: `${messageLineHeight}px` },
  // One line, so a long message cannot grow the line: the whole text is its tooltip, the
  // control's description and, while it blocks the dialog, the footer's.
  text: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  error: { color: tokens.colorPaletteRedForeground1 },
  icon: { flexShrink: 0 },
});

export interface MessageLineProps {
  readonly issue?: string;
  readonly hint?: string;
  /** The control's aria-describedby points here. */
  readonly id?: string;
  /**
   * False only for a problem the page itself prevents (its control is disabled until the value
   * is right), which only a site's refusal or an old record can show: then the line is drawn
   * only while it has something to say.
   */
  readonly reserve?: boolean;
  readonly className?: string;
}

/** A control's message line: what is wrong with its value, or else its hint. */
export function MessageLine({ issue, hint, id, reserve = true, className }: MessageLineProps) {
  const styles = useStyles();
  const message = issue ?? hint;
  if (!reserve && message === undefined) return null;
  return (
    <div id={id} className={mergeClasses(styles.line, styles.reserved, issue !== undefined && styles.error, className)} title={message}>
      {issue !== undefined && <ErrorCircle12Filled className={styles.icon} aria-hidden />}
      {message !== undefined && (
        <span className={styles.text} role={issue !== undefined ? 'alert' : undefined}>
          {message}
        </span>
      )}
    </div>
  );
}
