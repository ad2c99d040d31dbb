import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowUpRegular, FolderRegular, ServerRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FolderListDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { parentOf } from './folder-paths';

const useStyles = makeStyles({
  surface: { width: '520px', maxWidth: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  where: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  list: {
    height: '240px',
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    padding: tokens.spacingVerticalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  folder: { flexShrink: 0, justifyContent: 'flex-start', fontWeight: tokens.fontWeightRegular },
  whereIcon: { fontSize: '20px', flexShrink: 0 },
  empty: { padding: tokens.spacingVerticalS, color: tokens.colorNeutralForeground3 },
  current: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: 0 },
});

export interface FolderBrowserDialogProps {
  readonly open: boolean;
  /** Where to start; '' (or a folder that cannot be listed) starts at the site server's roots. */
  readonly startPath: string;
  readonly onCancel: () => void;
  readonly onChoose: (path: string) => void;
}

/**
 * Browse for Folder, fed by `files:list-folders`. The console may run in a browser on another
 * machine, so this lists what the site server sees, and says so: the package's source must be
 * reachable by the site server, not by the administrator's desk.
 */
export function FolderBrowserDialog({ open, startPath, onCancel, onChoose }: FolderBrowserDialogProps) {
  const courier = useCourier();
  const styles = useStyles();
  const [listing, setListing] = useState<FolderListDto | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Only the newest request may update the dialog; earlier answers may arrive late.
  const latest = useRef(0);

  /**
   * Lists `path`; when starting from a typed path that does not exist (yet), walks up to the
   * nearest folder the site server can list, so the user starts close to where they meant.
   */
  const list = useCallback(async (path: string, walkUp: boolean) => {
    const request = ++latest.current;
    setLoading(true);
    let candidate: string | null = path;
    let firstError: string | null = null;
    while (candidate !== null) {
      const result = await courier['files:list-folders']({ path: candidate }).catch(() => null);
      if (request !== latest.current) return;
      if (result?.ok) {
        setListing(result.value);
        setError(null);
        setLoading(false);
        return;
      }
      firstError ??= result ? result.error.message : 'The site server cannot be reached.';
      if (result === null || !walkUp || candidate === '') break;
      candidate = parentOf(candidate);
    }
    setError(firstError);
    setLoading(false);
  }, []);

  useEffect(() => {
    if (!open) return;
    setListing(null);
    setError(null);
    void list(startPath, true);
  }, [open, startPath, list]);

  function go(path: string): void {
    setError(null);
    void list(path, false);
  }

  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Browse for Folder</DialogTitle>
          <DialogContent className={styles.content}>
            <Text className={styles.where}>
              <ServerRegular className={styles.whereIcon} aria-hidden />
              Folders on the site server, as the site server sees them (not the folders on this computer).
            </Text>
            {error !== null && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.current}>
              <Field label="Folder" className={styles.grow}>
                <Input readOnly value={listing?.path === '' ? '(site server roots)' : (listing?.path ?? '')} />
              </Field>
              <Button
                icon={<ArrowUpRegular />}
                disabled={loading || listing === null || listing.parent === null}
                onClick={() => listing?.parent != null && go(listing.parent)}
              >
                Up
              </Button>
            </div>
            <div className={styles.list} role="group" aria-label="Subfolders" aria-busy={loading}>
              {loading && listing === null && <Spinner size="tiny" label="Listing folders…" />}
              {listing?.folders.map((folder) => (
                <Button
                  key={folder.path}
                  className={styles.folder}
                  appearance="subtle"
                  icon={<FolderRegular />}
                  disabled={loading}
                  onClick={() => go(folder.path)}
                >
                  {folder.name}
                </Button>
              ))}
              {listing !== null && listing.folders.length === 0 && <Text className={styles.empty}>This folder has no subfolders.</Text>}
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={listing === null || listing.path === '' || loading} onClick={() => listing && onChoose(listing.path)}>
              OK
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
