import { Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { maxMergedLogs, type LogFileDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { formatDateTime } from '../../components/date-time';
import { logViewerHref } from './log-viewer-query';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', maxHeight: '50vh', overflowY: 'auto', gap: tokens.spacingVerticalXXS },
  facts: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${Math.ceil(bytes / 1024)} KB`;
}

/** How the console opens the viewer: a window of its own (Electron opens it hardened, the browser as a tab). */
export function openLogViewer(names: readonly string[]): void {
  window.open(logViewerHref(names), '_blank');
}

/** The site's logs to pick from; several picked are merged by time in one viewer. */
export function LogPickerDialog({ onClose, onStatus }: { readonly onClose: () => void; readonly onStatus: (text: string) => void }): ReactNode {
  const styles = useStyles();
  const courier = useCourier();
  const [logs, setLogs] = useState<readonly LogFileDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<readonly string[]>([]);

  useEffect(() => {
    let active = true;
    void settle(() => courier['logs:list']({})).then((result) => {
      if (!active) return;
      if (result.ok) setLogs(result.value.logs);
      else setError(result.error.message);
    });
    return () => {
      active = false;
    };
  }, [courier]);

  function toggle(name: string, on: boolean): void {
    setPicked((now) => (on ? [...now, name] : now.filter((n) => n !== name)));
  }

  function open(): void {
    openLogViewer(picked);
    onStatus(`Opened ${picked.join(', ')} in the Log Viewer.`);
    onClose();
  }

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Log Viewer</DialogTitle>
          <DialogContent>
            <p>{`Choose the site logs to open (SMS\\Logs). Several are merged by time; at most ${maxMergedLogs}.`}</p>
            {error !== null && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
            {logs === null && error === null && <Spinner size="tiny" label="Reading the site's logs…" />}
            {logs !== null && logs.length === 0 && <p>The site has written no log yet.</p>}
            {logs !== null && logs.length > 0 && (
              <div role="group" aria-label="Site logs" className={styles.list}>
                {logs.map((log) => (
                  <Checkbox
                    key={log.name}
                    checked={picked.includes(log.name)}
                    disabled={!picked.includes(log.name) && picked.length >= maxMergedLogs}
                    onChange={(_, data) => toggle(log.name, data.checked === true)}
                    label={
                      <span>
                        {log.name}
                        <span className={styles.facts}>
                          {` ${log.component ?? ''} · ${sizeText(log.size)} · ${formatDateTime(log.modified)}${log.rotated ? ` · older lines in ${log.rotated.name}` : ''}`}
                        </span>
                      </span>
                    }
                  />
                ))}
              </div>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={picked.length === 0} onClick={open}>
              Open
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
