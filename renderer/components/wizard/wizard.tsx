import {
  Dialog,
  DialogSurface,
  DialogTitle,
  Subtitle1,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { WizardFooter } from './wizard-footer';
import { WizardRail } from './wizard-rail';
import type { WizardProps } from './wizard-types';

const useStyles = makeStyles({
  surface: {
    // The SCCM 2007 wizards are about 720 × 520; pages are laid out for that size.
    width: '720px',
    height: '520px',
    maxWidth: 'calc(100vw - 32px)',
    maxHeight: 'calc(100vh - 32px)',
    padding: 0,
    overflow: 'hidden',
    display: 'flex',
    flexDirection: 'column',
  },
  title: {
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
  },
  tall: { height: '640px' },
  main: {
    flexGrow: 1,
    minHeight: 0,
    display: 'grid',
    // Wide enough for "Distribution Settings" in bold, even in fallback fonts wider than Segoe UI.
    gridTemplateColumns: '192px 1fr',
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
    paddingLeft: tokens.spacingHorizontalXL,
    paddingRight: tokens.spacingHorizontalXL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  bannerIcon: {
    display: 'flex',
    fontSize: '28px',
    color: tokens.colorBrandForeground1,
  },
  body: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: 'auto',
    paddingTop: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalL,
    paddingLeft: tokens.spacingHorizontalXL,
    paddingRight: tokens.spacingHorizontalXL,
  },
});

/**
 * A wizard in the SCCM 2007 shape, drawn with Fluent v9: title, left rail of pages, a banner
 * with the page's heading, the page, and the Previous / Next / Summary / Cancel footer.
 * It holds no state: the wizard's reducer decides the page and what each button may do.
 */
export function Wizard<P extends string>(props: WizardProps<P>) {
  const styles = useStyles();
  const busy = props.footer.kind === 'summary' && props.footer.busy;
  return (
    <Dialog
      open={props.open}
      modalType="modal"
      onOpenChange={(_, data) => {
        // Escape is Cancel, except while the work started by the Summary page is running.
        if (!data.open && !busy) props.onClose();
      }}
    >
      <DialogSurface className={mergeClasses(styles.surface, props.size === 'tall' && styles.tall)} aria-describedby={undefined}>
        <DialogTitle className={styles.title}>{props.title}</DialogTitle>
        <div className={styles.main}>
          <WizardRail pages={props.pages} current={props.current} canJumpTo={props.canJumpTo} onJumpTo={props.onJumpTo} />
          <section className={styles.content} aria-label={props.heading}>
            <div className={styles.banner}>
              <Subtitle1 as="h3" className={styles.heading}>
                {props.heading}
              </Subtitle1>
              {props.icon && <span className={styles.bannerIcon}>{props.icon}</span>}
            </div>
            <div className={styles.body}>{props.children}</div>
          </section>
        </div>
        <WizardFooter
          footer={props.footer}
          onPrevious={props.onPrevious}
          onNext={props.onNext}
          onSummary={props.onSummary}
          onClose={props.onClose}
        />
      </DialogSurface>
    </Dialog>
  );
}
