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
  Select,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import { BoxRegular, DocumentRegular, DocumentBulletListRegular, FolderRegular, type FluentIcon } from '@fluentui/react-icons';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { FileListDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { DataGrid, dateTimeColumn, NameCell, type DataGridColumn } from '../data-grid';
import { BrowserError, BrowserStatus, LookInBar, PlacesBar, counted, useBrowserStyles } from './browser-parts';
import { fileNameOf, isAbsoluteServerPath, joinServerPath, parentOf } from './server-paths';
import { useServerListing } from './use-server-listing';

const useStyles = makeStyles({
  surface: { width: '840px', maxWidth: 'calc(100vw - 32px)' },
});

/** One entry of "Files of type": "Windows Installer packages (*.msi)". */
export interface FileType {
  readonly label: string;
  /** With the dot: ['.msi']. */
  readonly extensions: readonly string[];
}

export const allFiles: FileType = { label: 'All files (*.*)', extensions: [] };

/** "Windows Installer packages (*.msi)": a file type named with its patterns, as Windows names them. */
export function fileType(name: string, extensions: readonly string[]): FileType {
  return { label: `${name} (${extensions.map((e) => `*${e}`).join('; ')})`, extensions };
}

interface BrowserRow {
  readonly kind: 'folder' | 'file';
  readonly name: string;
  readonly path: string;
  readonly size: number | null;
  readonly modified: string | null;
}

const typeNames: Readonly<Record<string, { name: string; icon: FluentIcon }>> = {
  '.sms': { name: 'Package definition file', icon: DocumentBulletListRegular },
  '.pdf': { name: 'Package definition file', icon: DocumentBulletListRegular },
  '.msi': { name: 'Windows Installer package', icon: BoxRegular },
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** As Explorer's Type column names a file: by what Courier knows it as, else "MSP File". */
function typeOf(row: BrowserRow): string {
  if (row.kind === 'folder') return 'File folder';
  const extension = extensionOf(row.name);
  return typeNames[extension]?.name ?? (extension === '' ? 'File' : `${extension.slice(1).toUpperCase()} File`);
}

/** Explorer's Size column: kilobytes, rounded up, so a 1-byte file is "1 KB". */
export function explorerSize(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString()} KB`;
}

const columns: readonly DataGridColumn<BrowserRow>[] = [
  {
    id: 'name',
    label: 'Name',
    kind: 'text',
    value: (row) => row.name,
    render: (row) => <NameCell icon={row.kind === 'folder' ? FolderRegular : (typeNames[extensionOf(row.name)]?.icon ?? DocumentRegular)} name={row.name} />,
    width: 232,
  },
  { id: 'size', label: 'Size', kind: 'number', value: (row) => row.size, render: (row) => (row.size === null ? '' : explorerSize(row.size)), width: 76, align: 'end' },
  { id: 'type', label: 'Type', kind: 'text', value: typeOf, width: 152 },
  dateTimeColumn('modified', 'Date modified', (row) => row.modified),
];

const rowKey = (row: BrowserRow): string => row.path;

function rowsOf(listing: FileListDto | null): BrowserRow[] {
  if (listing === null) return [];
  return [
    ...listing.folders.map((folder): BrowserRow => ({ kind: 'folder', name: folder.name, path: folder.path, size: null, modified: null })),
    ...listing.files.map((file): BrowserRow => ({ kind: 'file', name: file.name, path: file.path, size: file.size, modified: file.modified })),
  ];
}

/** UNC and drive paths compare as Windows compares names; POSIX ones exactly. */
function sameName(a: string, b: string, path: string): boolean {
  return path.startsWith('/') ? a === b : a.toLowerCase() === b.toLowerCase();
}

export interface FileBrowserDialogProps {
  readonly open: boolean;
  /** "Open", or what the file is for. */
  readonly title?: string;
  /** The typed file's folder, or '' for the roots. */
  readonly startPath: string;
  /** The choices of "Files of type", first chosen; "All files" is added last. */
  readonly fileTypes: readonly FileType[];
  readonly onCancel: () => void;
  readonly onChoose: (path: string) => void;
}

/**
 * The Windows Open dialog for a file on the site server, listed through the core (files:list),
 * so it shows what the site server can read, wherever the console runs: the roots down the left,
 * the folder's folders and its files of the chosen type with size and date, a File name box
 * that takes a name or a whole path, Enter and double-click to open a folder or pick a file.
 */
export function FileBrowserDialog(props: FileBrowserDialogProps): ReactNode {
  const styles = useStyles();
  return (
    <Dialog open={props.open} modalType="modal" onOpenChange={(_, data) => !data.open && props.onCancel()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        {/* Mounted for each opening, so every opening starts afresh. */}
        {props.open && <FileBrowser {...props} />}
      </DialogSurface>
    </Dialog>
  );
}

function FileBrowser({ title = 'Open', startPath, fileTypes, onCancel, onChoose }: FileBrowserDialogProps): ReactNode {
  const courier = useCourier();
  const parts = useBrowserStyles();
  const types = useMemo(() => [...fileTypes, allFiles], [fileTypes]);
  const [typeIndex, setTypeIndex] = useState(0);
  const extensions = types[typeIndex]?.extensions ?? [];
  const browser = useServerListing<FileListDto>(startPath, (path) => courier['files:list']({ path, extensions: [...extensions] }), extensions.join(';'));
  const { listing, loading } = browser;
  const rows = useMemo(() => rowsOf(listing), [listing]);
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const nameId = useId();
  const typeId = useId();
  const nameMessageId = useId();
  const gridWrap = useRef<HTMLDivElement>(null);

  // A new folder: nothing selected but the folder Up came from.
  useEffect(() => {
    setSelected(browser.selectAfter !== null && rows.some((row) => row.path === browser.selectAfter) ? [browser.selectAfter] : []);
  }, [rows, browser.selectAfter]);

  const row = rows.find((r) => r.path === selected[0]);

  function select(keys: readonly string[]): void {
    setSelected(keys);
    const chosen = rows.find((r) => r.path === keys[0]);
    // As in Windows, picking a file puts its name in the File name box; a folder leaves it.
    if (chosen?.kind === 'file') {
      setName(chosen.name);
      setNameError(null);
    }
  }

  function openRow(target: BrowserRow): void {
    if (target.kind === 'folder') {
      browser.go(target.path);
      gridWrap.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
    } else {
      onChoose(target.path);
    }
  }

  function up(): void {
    if (listing?.parent != null) browser.go(listing.parent, listing.path);
  }

  /** Open with a typed name: a folder opens, a file is picked, anything else is named at the field. */
  async function openTyped(): Promise<void> {
    const typed = name.trim();
    if (typed === '') {
      if (row) openRow(row);
      return;
    }
    if (typed.includes('*') || typed.includes('?')) {
      setNameError('Type a file name or a path; choose the kind of file under Files of type.');
      return;
    }
    const here = listing?.path ?? '';
    if (!isAbsoluteServerPath(typed) && here === '') {
      setNameError('Open a folder first, or type the whole path of the file on the site server.');
      return;
    }
    const target = isAbsoluteServerPath(typed) ? typed : joinServerPath(here, typed);
    if (/[\\/]$/.test(target)) {
      browser.go(target);
      setName('');
      return;
    }
    const known = rows.find((r) => r.path === target || (parentOf(target) === here && sameName(r.name, fileNameOf(target), here)));
    if (known) {
      if (known.kind === 'folder') setName('');
      openRow(known);
      return;
    }
    // Not among the entries shown (another folder, or another type): ask the site server what it is.
    setChecking(true);
    const folder = parentOf(target);
    const fileName = fileNameOf(target);
    const found = await settle(() => courier['files:list']({ path: folder, extensions: [] }));
    setChecking(false);
    if (!found.ok) {
      setNameError(found.error.message);
      return;
    }
    const asFolder = found.value.folders.find((f) => sameName(f.name, fileName, folder));
    const asFile = found.value.files.find((f) => sameName(f.name, fileName, folder));
    if (asFolder) {
      browser.go(asFolder.path);
      setName('');
    } else if (asFile || found.value.truncated) {
      onChoose(asFile?.path ?? target);
    } else {
      setNameError(`There is no file ${fileName} in ${found.value.path} on the site server. Check the name, or choose All files under Files of type.`);
    }
  }

  function onListKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Backspace' || (event.key === 'ArrowUp' && event.altKey)) {
      event.preventDefault();
      up();
    }
  }

  const folders = listing?.folders.length ?? 0;
  const files = listing?.files.length ?? 0;
  const busy = loading || checking;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void openTyped();
      }}
    >
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className={parts.content}>
          <Text size={200} className={parts.where}>
            Files on the site server, as the site server reads them (not the files of this computer).
          </Text>
          <LookInBar listing={listing} loading={loading} onUp={up} />
          <BrowserError error={browser.error} onDismiss={browser.dismissError} />
          <div className={parts.panes}>
            <PlacesBar roots={browser.roots} path={listing?.path ?? ''} disabled={busy} onGo={(path) => browser.go(path)} />
            <div className={parts.list} ref={gridWrap} onKeyDown={onListKeyDown}>
              <DataGrid
                className={parts.grid}
                label="Folders and files"
                rows={rows}
                columns={columns}
                getRowKey={rowKey}
                selectedKeys={selected}
                onSelectionChange={select}
                onOpen={openRow}
                rowHeight={24}
                emptyMessage={
                  listing === null
                    ? loading
                      ? 'Reading the folder on the site server…'
                      : ''
                    : listing.path === ''
                      ? 'The site server offers no folders to browse.'
                      : 'This folder holds no folders and no files of this type.'
                }
              />
            </div>
          </div>
          <BrowserStatus loading={busy}>
            {listing === null || listing.path === ''
              ? ' '
              : `${counted(folders, 'folder', 'folders')}, ${counted(files, 'file', 'files')} of this type${listing.truncated ? '; the folder holds more than are shown: type the file name' : ''}`}
          </BrowserStatus>
          <div className={parts.fields}>
            <Label htmlFor={nameId}>File name:</Label>
            <Input
              id={nameId}
              value={name}
              autoFocus
              aria-invalid={nameError !== null}
              aria-describedby={nameMessageId}
              onChange={(_, data) => {
                setName(data.value);
                setNameError(null);
              }}
            />
            <Text id={nameMessageId} size={200} className={parts.fieldMessage} role={nameError === null ? undefined : 'alert'}>
              {nameError ?? ''}
            </Text>
            <Label htmlFor={typeId}>Files of type:</Label>
            <Select id={typeId} value={String(typeIndex)} onChange={(_, data) => setTypeIndex(Number(data.value))}>
              {types.map((type, index) => (
                <option key={type.label} value={index}>
                  {type.label}
                </option>
              ))}
            </Select>
          </div>
        </DialogContent>
        <DialogActions>
          <Button appearance="primary" type="submit" disabled={busy || (name.trim() === '' && row === undefined)}>
            Open
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
