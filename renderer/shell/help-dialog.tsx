import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  // Each term and its meaning share a wrapper for valid <dl> markup but sit in the parent grid.
  pair: {
    display: 'contents',
  },
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  paragraph: {
    margin: 0,
  },
  keys: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  key: {
    fontWeight: tokens.fontWeightSemibold,
  },
  term: {
    margin: 0,
  },
});

const keys: readonly (readonly [string, string])[] = [
  ['Arrow keys', 'Move in the console tree and in lists; Right and Left expand and collapse.'],
  ['Enter', 'Open the Properties of the selected package, or open the selected folder.'],
  ['Delete', 'Delete the selected package (after you confirm).'],
  ['F5', 'Refresh what you are looking at.'],
  ['Shift+F10', 'Open the context menu of the selected node or item.'],
  ['Alt+Left, Alt+Right', 'Go back and forward.'],
  ['F6', 'Move between the console tree, the details pane and the Actions pane.'],
];

export interface HelpDialogProps {
  /** The node's name. */
  readonly topic: string;
  readonly description: string;
  /** Why the node shows nothing yet, for a feature not built. */
  readonly note: string | null;
  readonly onClose: () => void;
}

/** What a node is for, in a sentence, plus the console's keys: a short, honest help page. */
export function HelpDialog({ topic, description, note, onClose }: HelpDialogProps): ReactNode {
  const styles = useStyles();
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{`Help: ${topic}`}</DialogTitle>
          <DialogContent className={styles.content}>
            <p className={styles.paragraph}>{description}</p>
            {note !== null && <p className={styles.paragraph}>{note}</p>}
            <dl className={styles.keys} aria-label="Keyboard">
              {keys.map(([key, meaning]) => (
                <div key={key} className={styles.pair}>
                  <dt className={styles.key}>{key}</dt>
                  <dd className={styles.term}>{meaning}</dd>
                </div>
              ))}
            </dl>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
