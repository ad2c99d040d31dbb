import type { FeatureRegistration } from '../../shell/registration';
import { openStatusViewer } from './open-viewer';
import { SetViewingPeriodDialog } from './set-viewing-period-dialog';
import type { StatusViewerPopupKinds } from './status-viewer-kinds';

/**
 * The Status Message Viewer's part of the console: Set Viewing Period, asked by Show Messages
 * (showMessagesInViewer) on packages, their DPs and advertisements; the viewer itself is a page
 * of its own (status-viewer-page.tsx, docs/status-messages.md#status-message-viewer).
 */
export const statusViewerFeature: FeatureRegistration<never, never, keyof StatusViewerPopupKinds> = {
  nodes: {},
  rows: {},
  popups: {
    'set-viewing-period': {
      render: ({ target, severity }, { shell, close }) => (
        <SetViewingPeriodDialog
          period={{}}
          about={target.about}
          onCancel={close}
          onOk={(period) => {
            close();
            const { about: _about, ...scope } = target;
            const opened = openStatusViewer({ ...scope, ...(severity !== null ? { severity } : {}), ...period });
            shell.setStatus(opened ? `Opened the Status Message Viewer for ${target.about}.` : 'The browser blocked the Status Message Viewer window: allow pop-ups for this page.');
          }}
        />
      ),
    },
  },
};
