import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { WizardRailPage } from './wizard-types';

const useStyles = makeStyles({
  rail: {
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalL,
    overflowY: 'auto',
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  item: {
    display: 'block',
    width: '100%',
    boxSizing: 'border-box',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalM,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'left',
    color: tokens.colorNeutralForeground3,
    backgroundColor: 'transparent',
    border: 'none',
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
  },
  current: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    borderLeftColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  reachable: {
    color: tokens.colorNeutralForeground2,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover, color: tokens.colorNeutralForeground2Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
});

export interface WizardRailProps<P extends string> {
  readonly pages: readonly WizardRailPage<P>[];
  readonly current: P;
  readonly canJumpTo: (page: P) => boolean;
  readonly onJumpTo: (page: P) => void;
}

/** The left navigation of SCCM 2007 wizards: every page listed, earlier pages clickable. */
export function WizardRail<P extends string>({ pages, current, canJumpTo, onJumpTo }: WizardRailProps<P>) {
  const styles = useStyles();
  return (
    <nav className={styles.rail} aria-label="Wizard pages">
      <ol className={styles.list}>
        {pages.map((page) => {
          if (page.id === current) {
            return (
              <li key={page.id}>
                <span className={mergeClasses(styles.item, styles.current)} aria-current="step">
                  {page.label}
                </span>
              </li>
            );
          }
          if (canJumpTo(page.id)) {
            return (
              <li key={page.id}>
                <button type="button" className={mergeClasses(styles.item, styles.reachable)} onClick={() => onJumpTo(page.id)}>
                  {page.label}
                </button>
              </li>
            );
          }
          return (
            <li key={page.id}>
              <span className={styles.item}>{page.label}</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
