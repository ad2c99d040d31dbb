import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** File › Exit in a browser tab the console cannot close itself. */
export function CloseTabDialog({ onClose }: { readonly onClose: () => void }): ReactNode {
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Exit Courier</DialogTitle>
          <DialogContent>
            This console runs in a browser tab, and the browser does not let a page close a tab it did not open. To exit
            the console, close this browser tab (Ctrl+W). The site server keeps running.
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
