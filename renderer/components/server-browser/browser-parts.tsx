import {
  Button,
  Input,
  Label,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { ArrowUpRegular, DismissRegular, FolderRegular, HardDriveRegular, ServerRegular, type FluentIcon } from '@fluentui/react-icons';
import { useId, type ReactNode } from 'react';
import type { FolderEntryDto, FolderListDto } from '../../../core/api';

export const useBrowserStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  where: { color: tokens.colorNeutralForeground3 },
  lookIn: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr) max-content', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  panes: { display: 'grid', gridTemplateColumns: '168px minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, height: '264px' },
  places: {
    display: 'flex',
    flexDirection: 'column',
    overflowY: 'auto',
    overflowX: 'hidden',
    padding: tokens.spacingVerticalXXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  place: {
    flexShrink: 0,
    justifyContent: 'flex-start',
    minWidth: 0,
    fontWeight: tokens.fontWeightRegular,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
  },
  placeCurrent: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  placeLabel: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  list: {
    minWidth: 0,
    minHeight: 0,
    display: 'flex',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
  },
  grid: { flexGrow: 1, minWidth: 0 },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '20px', color: tokens.colorNeutralForeground3 },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  // Under its field, with room kept so showing it does not move the controls below.
  fieldMessage: { gridColumnStart: 2, minHeight: '16px', marginTop: `calc(${tokens.spacingVerticalS} * -1)`, color: tokens.colorPaletteRedForeground1 },
});

/** How the roots' list (path '') and a root are named. */
export function placeName(entry: FolderEntryDto): string {
  return entry.path === '/' ? '/ (site server)' : entry.name;
}

function placeIcon(path: string): FluentIcon {
  if (path.startsWith('\\\\')) return ServerRegular;
  if (path === '/' || /^[A-Za-z]:\\$/.test(path)) return HardDriveRegular;
  return FolderRegular;
}

/** The folder whose root the shown path is under, for the places bar's highlight. */
function currentPlace(roots: readonly FolderEntryDto[], path: string): string | null {
  const lower = path.toLowerCase();
  let best: string | null = null;
  for (const root of roots) {
    const r = root.path.toLowerCase();
    const under = lower === r || lower.startsWith(r.endsWith('\\') || r.endsWith('/') ? r : `${r}${r.startsWith('\\\\') ? '\\' : '/'}`);
    if (under && (best === null || r.length > best.length)) best = root.path;
  }
  return best;
}

export interface PlacesBarProps {
  readonly roots: readonly FolderEntryDto[];
  readonly path: string;
  readonly disabled: boolean;
  readonly onGo: (path: string) => void;
}

/** The roots of the site server down the left, as the Open dialog's places bar: one Tab stop, arrows move. */
export function PlacesBar({ roots, path, disabled, onGo }: PlacesBarProps): ReactNode {
  const styles = useBrowserStyles();
  const navigation = useArrowNavigationGroup({ axis: 'vertical', memorizeCurrent: true });
  const current = currentPlace(roots, path);
  return (
    <div className={styles.places} role="toolbar" aria-orientation="vertical" aria-label="Site server roots" {...navigation}>
      {roots.map((root) => {
        const Icon = placeIcon(root.path);
        return (
          <Button
            key={root.path}
            appearance="subtle"
            size="small"
            className={mergeClasses(styles.place, current === root.path && styles.placeCurrent)}
            icon={<Icon />}
            title={root.path}
            aria-pressed={current === root.path}
            disabled={disabled}
            onClick={() => onGo(root.path)}
          >
            <span className={styles.placeLabel}>{placeName(root)}</span>
          </Button>
        );
      })}
    </div>
  );
}

export interface LookInBarProps {
  readonly listing: FolderListDto | null;
  readonly loading: boolean;
  readonly onUp: () => void;
}

/** "Look in": the folder shown, and Up One Level (also Backspace and Alt+Up in the list). */
export function LookInBar({ listing, loading, onUp }: LookInBarProps): ReactNode {
  const styles = useBrowserStyles();
  const id = useId();
  const canGoUp = !loading && listing !== null && listing.parent !== null;
  return (
    <div className={styles.lookIn}>
      <Label htmlFor={id}>Look in:</Label>
      <Input id={id} readOnly size="small" value={listing === null ? '' : listing.path === '' ? 'Site server' : listing.path} />
      <Button size="small" icon={<ArrowUpRegular />} disabled={!canGoUp} title="Up One Level (Backspace)" onClick={onUp}>
        Up
      </Button>
    </div>
  );
}

export function BrowserError({ error, onDismiss }: { readonly error: string | null; readonly onDismiss: () => void }): ReactNode {
  if (error === null) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>{error}</MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Dismiss" icon={<DismissRegular />} onClick={onDismiss} />} />
    </MessageBar>
  );
}

export function BrowserStatus({ loading, children }: { readonly loading: boolean; readonly children: ReactNode }): ReactNode {
  const styles = useBrowserStyles();
  return (
    <div className={styles.status} role="status">
      {loading ? <Spinner size="extra-tiny" label="Reading the folder on the site server…" /> : <Text size={200}>{children}</Text>}
    </div>
  );
}

export function counted(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
