import { Dialog, DialogSurface, DialogTitle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import {
  DialogDensity,
  ScrollingPage,
  focusField,
  useCompactControlStyles,
  useDefaultButton,
  windowMargin,
  wizardRailWidth,
  wizardSize,
} from '../form-layout';
import { WizardFooter } from './wizard-footer';
import { WizardRail } from './wizard-rail';
import type { WizardProps } from './wizard-types';
import { useWizardFocus } from './use-wizard-focus';

const useStyles = makeStyles({
  surface: {
    // One size for every wizard: its pages are laid out for this page box (form-layout's metrics).
    width: `${wizardSize.width}px`,
    height: `${wizardSize.height}px`,
    maxWidth: `calc(100vw - ${windowMargin}px)`,
    maxHeight: `calc(100vh - ${windowMargin}px)`,
    padding: 0,
    // Clipped, not hidden: a hidden box still scrolls when focus or scrollIntoView asks it to,
    // which would cut the title; only the page body scrolls.
    overflow: 'clip',
    display: 'flex',
    flexDirection: 'column',
  },
  title: {
    // The title never gives way to a tall page: the page body scrolls instead.
    flexShrink: 0,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  main: {
    flexGrow: 1,
    flexBasis: 0,
    minHeight: 0,
    display: 'grid',
    gridTemplateColumns: `${wizardRailWidth}px minmax(0, 1fr)`,
  },
  content: {
    minWidth: 0,
    minHeight: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  banner: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: {
    margin: 0,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  bannerIcon: {
    display: 'flex',
    fontSize: '24px',
    color: tokens.colorBrandForeground1,
  },
});

/**
 * A wizard in the SCCM 2007 shape, drawn with Fluent v9: title, left rail of pages, a banner
 * with the page's heading, the page, and the Previous / Next / Summary / Cancel footer.
 * It holds no state: the wizard's reducer decides the page and what each button may do.
 * Enter in a field presses the default button (Next, or Close once done), Escape cancels.
 */
export function Wizard<P extends string>(props: WizardProps<P>) {
  const styles = useStyles();
  const compact = useCompactControlStyles();
  const busy = props.footer.kind === 'summary' && props.footer.busy;
  const surface = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const defaultButton = useDefaultButton();
  useWizardFocus({ surface, body, defaultButton: defaultButton.ref, page: props.current, footer: props.footer.kind });
  return (
    <Dialog
      open={props.open}
      modalType="modal"
      onOpenChange={(_, data) => {
        // Escape is Cancel, except while the work started by the Summary page is running.
        if (!data.open && !busy) props.onClose();
      }}
    >
      <DialogSurface ref={surface} className={mergeClasses(styles.surface, compact.root)} aria-describedby={undefined} onKeyDown={defaultButton.onKeyDown}>
        <DialogDensity>
          <DialogTitle className={styles.title}>{props.title}</DialogTitle>
          <div className={styles.main}>
            <WizardRail pages={props.pages} current={props.current} canJumpTo={props.canJumpTo} onJumpTo={props.onJumpTo} />
            <section className={styles.content} aria-label={props.heading}>
              <div className={styles.banner}>
                <h3 className={styles.heading}>{props.heading}</h3>
                {props.icon && <span className={styles.bannerIcon}>{props.icon}</span>}
              </div>
              <ScrollingPage ref={body} data-wizard-page="">
                {props.children}
              </ScrollingPage>
            </section>
          </div>
          <WizardFooter
            footer={props.footer}
            defaultButton={defaultButton.ref}
            onPrevious={props.onPrevious}
            onNext={props.onNext}
            onSummary={props.onSummary}
            onClose={props.onClose}
            onShowProblem={(problem) => problem.field !== undefined && focusField(body.current, problem.field)}
          />
        </DialogDensity>
      </DialogSurface>
    </Dialog>
  );
}
