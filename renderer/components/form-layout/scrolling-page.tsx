import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';
import { pageBox } from './dialog-metrics';

const useStyles = makeStyles({
  frame: {
    position: 'relative',
    flexGrow: 1,
    minHeight: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: 'auto',
    overflowX: 'hidden',
    // The scrollbar is drawn whenever the page is taller than the dialog, in the theme's colours.
    scrollbarColor: `${tokens.colorNeutralStroke1} transparent`,
    paddingTop: `${pageBox.paddingY}px`,
    paddingBottom: `${pageBox.paddingY}px`,
    paddingLeft: `${pageBox.paddingX}px`,
    paddingRight: `${pageBox.paddingX}px`,
  },
  // Where the page goes on past an edge, a shadow says so, even where scrollbars hide until used.
  edge: {
    position: 'absolute',
    left: 0,
    right: 0,
    height: '8px',
    pointerEvents: 'none',
    opacity: 0,
  },
  top: { top: 0, backgroundImage: `linear-gradient(to bottom, ${tokens.colorNeutralShadowAmbient}, transparent)` },
  bottom: { bottom: 0, backgroundImage: `linear-gradient(to top, ${tokens.colorNeutralShadowAmbient}, transparent)` },
  shown: { opacity: 1 },
});

interface Overflow {
  readonly above: boolean;
  readonly below: boolean;
}

export interface ScrollingPageProps extends HTMLAttributes<HTMLDivElement> {
  readonly children: ReactNode;
}

/**
 * A dialog's page: padded, and when it holds more than the dialog shows, scrollable with a
 * visible scrollbar and a shadow at each edge the page goes on past.
 */
export const ScrollingPage = forwardRef<HTMLDivElement, ScrollingPageProps>(function ScrollingPage({ children, className, ...rest }, forwarded) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  useImperativeHandle(forwarded, () => scroller.current as HTMLDivElement);
  const [overflow, setOverflow] = useState<Overflow>({ above: false, below: false });

  const measure = useCallback(() => {
    const element = scroller.current;
    if (element === null) return;
    const above = element.scrollTop > 0;
    const below = element.scrollTop + element.clientHeight < element.scrollHeight - 1;
    setOverflow((current) => (current.above === above && current.below === below ? current : { above, below }));
  }, []);

  useEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    measure();
    // jsdom has no ResizeObserver; a page there is never measured.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of Array.from(element.children)) observer.observe(child);
    const mutations = new MutationObserver(() => {
      for (const child of Array.from(element.children)) observer.observe(child);
      measure();
    });
    mutations.observe(element, { childList: true });
    return () => {
      observer.disconnect();
      mutations.disconnect();
    };
  }, [measure]);

  return (
    <div className={styles.frame}>
      <div ref={scroller} className={mergeClasses(styles.scroller, className)} onScroll={measure} data-page-body="" {...rest}>
        {children}
      </div>
      <div className={mergeClasses(styles.edge, styles.top, overflow.above && styles.shown)} aria-hidden />
      <div className={mergeClasses(styles.edge, styles.bottom, overflow.below && styles.shown)} aria-hidden />
    </div>
  );
});
