import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 },
  message: { margin: tokens.spacingHorizontalS },
  loading: { display: 'flex', justifyContent: 'flex-start', padding: tokens.spacingHorizontalL },
});

export interface LiveListProps {
  /** What the list holds, in the plural: "packages", "access accounts". */
  readonly what: string;
  readonly status: 'loading' | 'ready' | 'error';
  /** The last failure; with rows already shown it means they may be out of date. */
  readonly error: string | null;
  readonly refreshing: boolean;
  readonly onRetry: () => void;
  /** The list itself, shown once it has been read. */
  readonly children: ReactNode;
}

/**
 * The states every live list of the details pane goes through, in one place: loading, failed
 * (in plain words, with Retry), and read, with a warning when a later refresh failed.
 */
export function LiveList({ what, status, error, refreshing, onRetry, children }: LiveListProps): ReactNode {
  const styles = useStyles();

  if (status === 'loading') {
    return (
      <div className={styles.loading}>
        <Spinner size="tiny" label={`Loading ${what}…`} />
      </div>
    );
  }

  if (status === 'error') {
    return (
      <MessageBar intent="error" layout="multiline" className={styles.message}>
        <MessageBarBody>
          <MessageBarTitle>Courier could not read the {what}.</MessageBarTitle>
          {error}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            Retry
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }

  return (
    <div className={styles.root}>
      {error !== null && (
        <MessageBar intent="warning" layout="multiline" className={styles.message}>
          <MessageBarBody>
            <MessageBarTitle>The list may be out of date.</MessageBarTitle>
            {error}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={refreshing} onClick={onRetry}>
              Retry
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {children}
    </div>
  );
}
