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
import type { SiteInfoDto } from '../../core/api';

const useStyles = makeStyles({
  // Each term and its meaning share a wrapper for valid <dl> markup but sit in the parent grid.
  pair: {
    display: 'contents',
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: {
    color: tokens.colorNeutralForeground3,
  },
  value: {
    margin: 0,
    wordBreak: 'break-all',
  },
  lead: {
    marginTop: 0,
  },
});

export function AboutDialog({ site, onClose }: { readonly site: SiteInfoDto | null; readonly onClose: () => void }): ReactNode {
  const styles = useStyles();
  const facts: readonly (readonly [string, string])[] = site
    ? [
        ['Version', site.productVersion],
        ['Site', `${site.siteCode} - ${site.siteName}`],
        ['Site server', site.serverName],
        ['Site database', site.databasePath],
      ]
    : [];
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>About Courier</DialogTitle>
          <DialogContent>
            <p className={styles.lead}>
              Courier is an open-source software distribution console: packages, programs, distribution points and
              advertisements.
            </p>
            {site ? (
              <dl className={styles.facts}>
                {facts.map(([term, value]) => (
                  <div key={term} className={styles.pair}>
                    <dt className={styles.term}>{term}</dt>
                    <dd className={styles.value}>{value}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p>The console is not connected to a site.</p>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              OK
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
