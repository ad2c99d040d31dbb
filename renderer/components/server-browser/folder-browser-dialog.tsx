import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Input,
  Label,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import { FolderRegular } from '@fluentui/react-icons';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { FolderListDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { DataGrid, NameCell, type DataGridColumn } from '../data-grid';
import { BrowserError, BrowserStatus, LookInBar, PlacesBar, counted, placeName, useBrowserStyles } from './browser-parts';
import { useServerListing } from './use-server-listing';

const useStyles = makeStyles({
  surface: { width: '620px', maxWidth: 'calc(100vw - 32px)' },
});

interface FolderRow {
  readonly name: string;
  readonly path: string;
  readonly label: string;
}

const columns: readonly DataGridColumn<FolderRow>[] = [
  { id: 'name', label: 'Name', kind: 'text', value: (row) => row.label, render: (row) => <NameCell icon={FolderRegular} name={row.label} />, width: 380 },
];

const rowKey = (row: FolderRow): string => row.path;

export interface FolderBrowserDialogProps {
  readonly open: boolean;
  /**
   * The folder already in the field. Browsing starts there, or at the nearest folder above it
   * that exists; at the roots when it is empty or cannot be read (outside the source roots).
   */
  readonly startPath: string;
  readonly onCancel: () => void;
  readonly onChoose: (path: string) => void;
}

/**
 * Browse for Folder, fed by `files:list-folders`. The console may run in a browser on another
 * machine, so this lists what the site server sees, and says so: the package's source must be
 * reachable by the site server, not by the administrator's desk. The roots are the source roots
 * when the site limits browsing to them, else the mapped UNC shares and the server's own roots.
 */
export function FolderBrowserDialog(props: FolderBrowserDialogProps): ReactNode {
  const styles = useStyles();
  return (
    <Dialog open={props.open} modalType="modal" onOpenChange={(_, data) => !data.open && props.onCancel()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        {props.open && <FolderBrowser {...props} />}
      </DialogSurface>
    </Dialog>
  );
}

function FolderBrowser({ startPath, onCancel, onChoose }: FolderBrowserDialogProps): ReactNode {
  const courier = useCourier();
  const parts = useBrowserStyles();
  const browser = useServerListing<FolderListDto>(startPath, (path) => courier['files:list-folders']({ path }));
  const { listing, loading } = browser;
  const rows = useMemo(
    () => (listing?.folders ?? []).map((folder): FolderRow => ({ ...folder, label: listing?.path === '' ? placeName(folder) : folder.name })),
    [listing],
  );
  const [selected, setSelected] = useState<readonly string[]>([]);
  // The Folder box: the selected folder, else the one shown; the admin may also type a path.
  const [folder, setFolder] = useState('');
  const folderId = useId();
  const gridWrap = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const keep = browser.selectAfter !== null && rows.some((row) => row.path === browser.selectAfter) ? browser.selectAfter : null;
    setSelected(keep === null ? [] : [keep]);
    setFolder(keep ?? listing?.path ?? '');
  }, [rows, browser.selectAfter]);

  function select(keys: readonly string[]): void {
    setSelected(keys);
    setFolder(keys[0] ?? listing?.path ?? '');
  }

  function openRow(row: FolderRow): void {
    browser.go(row.path);
    gridWrap.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
  }

  function up(): void {
    if (listing?.parent != null) browser.go(listing.parent, listing.path);
  }

  function onListKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Backspace' || (event.key === 'ArrowUp' && event.altKey)) {
      event.preventDefault();
      up();
    }
  }

  const chosen = folder.trim();

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen !== '') onChoose(chosen);
      }}
    >
      <DialogBody>
        <DialogTitle>Browse for Folder</DialogTitle>
        <DialogContent className={parts.content}>
          <Text size={200} className={parts.where}>
            Folders on the site server, as the site server sees them (not the folders on this computer).
          </Text>
          <LookInBar listing={listing} loading={loading} onUp={up} />
          <BrowserError error={browser.error} onDismiss={browser.dismissError} />
          <div className={parts.panes}>
            <PlacesBar roots={browser.roots} path={listing?.path ?? ''} disabled={loading} onGo={(path) => browser.go(path)} />
            <div className={parts.list} ref={gridWrap} onKeyDown={onListKeyDown}>
              <DataGrid
                className={parts.grid}
                label="Folders"
                rows={rows}
                columns={columns}
                getRowKey={rowKey}
                selectedKeys={selected}
                onSelectionChange={select}
                onOpen={openRow}
                rowHeight={24}
                emptyMessage={listing === null ? (loading ? 'Reading the folder on the site server…' : '') : 'This folder has no subfolders.'}
              />
            </div>
          </div>
          <BrowserStatus loading={loading}>
            {listing === null || listing.path === ''
              ? 'Open a folder, or select one and click OK.'
              : `${counted(listing.folders.length, 'folder', 'folders')}${listing.truncated ? '; the folder holds more than are shown' : ''}`}
          </BrowserStatus>
          <div className={parts.fields}>
            <Label htmlFor={folderId}>Folder:</Label>
            <Input id={folderId} value={folder} onChange={(_, data) => setFolder(data.value)} />
          </div>
        </DialogContent>
        <DialogActions>
          <Button appearance="primary" type="submit" disabled={chosen === '' || loading}>
            OK
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
