import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircle16Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  problem: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  icon: { flexShrink: 0 },
  // Two lines at most, so the footer keeps its height; the whole text is the tooltip.
  text: {
    minWidth: 0,
    overflow: 'hidden',
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
  },
  link: { fontSize: 'inherit', fontWeight: tokens.fontWeightSemibold },
});

/**
 * Splits a problem into the field's words and the rest: "Field: what is wrong", or, when the
 * message already begins with the field's label ("Name is required."), that label and the rest,
 * so the footer does not say the label twice.
 */
export function problemParts(message: string, where: string | undefined): { readonly link?: string; readonly rest: string } {
  if (where === undefined || where === '') return { rest: message };
  if (message.toLowerCase().startsWith(where.toLowerCase()) && /^\W/.test(message.slice(where.length))) {
    return { link: message.slice(0, where.length), rest: message.slice(where.length) };
  }
  return { link: where, rest: `: ${message}` };
}

/** The problem that keeps the default button disabled, its field a link that takes the admin to it. */
export function FooterProblem({ problem, where, onShow }: {
  readonly problem: { readonly message: string };
  /** The link's words (the field's label, with its tab's); none: only the message. */
  readonly where: string | undefined;
  readonly onShow: () => void;
}) {
  const styles = useStyles();
  const { link, rest } = problemParts(problem.message, where);
  return (
    <span className={styles.problem} title={`${link ?? ''}${rest}`}>
      <ErrorCircle16Regular className={styles.icon} aria-hidden />
      <span className={styles.text}>
        {link !== undefined && (
          <Link as="button" className={styles.link} onClick={onShow}>
            {link}
          </Link>
        )}
        {rest}
      </span>
    </span>
  );
}
