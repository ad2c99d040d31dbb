import { FluentProvider, makeStyles, tokens, type PartialTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useColorScheme } from '../use-color-scheme';

/**
 * Dialogs are dense, as the suite's are: their text is the 12-pixel size of Fluent's small
 * controls (Windows' 9-point dialog font), so labels, check boxes, options and fields read alike.
 */
const compactTheme: PartialTheme = {
  fontSizeBase300: '12px',
  lineHeightBase300: '16px',
};

const useStyles = makeStyles({
  light: { colorScheme: 'light' },
  dark: { colorScheme: 'dark' },
});

/**
 * Compact spacing for what Fluent has no small size for: check boxes and option buttons get
 * 24-pixel rows (their 16-pixel box keeps its 24-pixel target). Buttons keep Fluent's own size.
 */
export const useCompactControlStyles = makeStyles({
  root: {
    '& .fui-Checkbox__indicator, & .fui-Radio__indicator': {
      marginTop: tokens.spacingVerticalXS,
      marginBottom: tokens.spacingVerticalXS,
    },
    '& .fui-Checkbox__label, & .fui-Radio__label': {
      paddingTop: tokens.spacingVerticalXS,
      paddingBottom: tokens.spacingVerticalXS,
    },
  },
});

/** Puts a dialog's content in the compact theme; its drop-downs' lists follow it. */
export function DialogDensity({ children }: { readonly children: ReactNode }) {
  const styles = useStyles();
  const scheme = useColorScheme();
  return (
    // No box of its own: it only carries the theme. Its class, copied onto the portals it opens,
    // holds nothing but the colour scheme, so a drop-down's list gets no layout from it.
    <FluentProvider theme={compactTheme} className={scheme === 'dark' ? styles.dark : styles.light} style={{ display: 'contents' }}>
      {children}
    </FluentProvider>
  );
}
