import { CalendarClockRegular, SettingsRegular } from '@fluentui/react-icons';
import { command } from '../../components/action-menu';
import { detailsRows } from '../../console/row-kinds';
import type { FeatureRegistration } from '../../shell/registration';
import { DeleteAgedStatusMessagesDialog } from './delete-aged-status-messages-dialog';
import type { SiteMaintenanceNodeKinds, SiteMaintenancePopupKinds, SiteMaintenanceRowKinds } from './site-maintenance-kinds';
import { maintenanceTasks, SiteMaintenanceView } from './site-maintenance-view';

/** Site Settings › Site Maintenance and Delete Aged Status Messages' properties (docs/status-messages.md#retention). */
export const siteMaintenanceFeature: FeatureRegistration<keyof SiteMaintenanceNodeKinds, keyof SiteMaintenanceRowKinds, keyof SiteMaintenancePopupKinds> = {
  nodes: {
    'site-maintenance': {
      label: 'Site Maintenance',
      icon: CalendarClockRegular,
      description: 'The tasks that keep the site database in order, such as deleting aged status messages.',
      details: {
        kind: 'list',
        View: SiteMaintenanceView,
        rows: (_, keys) => detailsRows('maintenance-task', maintenanceTasks.filter((t) => keys.includes(t.label))),
        count: () => maintenanceTasks.length,
      },
    },
  },
  rows: {
    'maintenance-task': {
      label: (task) => task.label,
      // The tasks Courier does not run offer Help only.
      actions: (task, { shell }) =>
        task.configurable ? [command('properties', 'Properties', () => shell.openPopup({ kind: 'delete-aged-status-messages-properties' }), { icon: SettingsRegular })] : [],
    },
  },
  popups: {
    'delete-aged-status-messages-properties': {
      render: (_, { shell, close }) => <DeleteAgedStatusMessagesDialog onClose={close} onStatus={shell.setStatus} />,
    },
  },
};
