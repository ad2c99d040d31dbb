import { AddRegular, DeleteRegular, DesktopPulseRegular, MegaphoneRegular, PhoneRegular, SettingsRegular } from '@fluentui/react-icons';
import type { ProgramDto } from '../../../core/api';
import { command, separator, submenu, type Action } from '../../components/action-menu';
import { detailsRows } from '../../console/row-kinds';
import type { FeatureRegistration, PopupEnv, ShellApi } from '../../shell/registration';
import type { AdvertisementKind } from './advertisement-draft';
import { AdvertisementClientStatusDialog } from './advertisement-client-status-dialog';
import { AdvertisementPropertiesDialog } from './advertisement-properties-dialog';
import type { AdvertisementsNodeKinds, AdvertisementsPopupKinds, AdvertisementsRowKinds, AdvertisementStart } from './advertisements-kinds';
import { followAdvertisementChanges } from './advertisements-store';
import { AdvertisementsView } from './advertisements-view';
import { DeleteAdvertisementDialog } from './delete-advertisement-dialog';
import { NewAdvertisementWizard } from './new-advertisement-wizard';
import { showMessagesInViewer } from '../status-viewer/show-messages';
import { distributeSoftwareAction } from '../distribute-software/distribute-action';

/**
 * A program's commands (Programs › a program › New Advertisement): the wizard with its package and
 * program filled in; for a program for devices, New Advertisement For Device.
 */
export function programAdvertisementActions(program: ProgramDto, shell: ShellApi): readonly Action[] {
  const start = { packageId: program.packageId, programName: program.name };
  return [
    separator('before-advertise'),
    program.kind === 'device'
      ? command('new-advertisement', 'New Advertisement For Device', () => shell.openPopup({ kind: 'new-device-advertisement', start }), { icon: PhoneRegular })
      : command('new-advertisement', 'New Advertisement', () => shell.openPopup({ kind: 'new-advertisement', start }), { icon: MegaphoneRegular }),
  ];
}

/** A collection's command (Collections › a collection › Advertise…): the wizard with the collection filled in. */
export function advertiseToCollection(collectionId: string, shell: ShellApi): Action {
  return command('advertise', 'Advertise…', () => shell.openPopup({ kind: 'new-advertisement', start: { collectionId } }), { icon: MegaphoneRegular });
}

function newAdvertisementWizard(start: AdvertisementStart, kind: AdvertisementKind, { stores, shell, close }: PopupEnv) {
  return (
    <NewAdvertisementWizard
      start={start}
      kind={kind}
      onClose={close}
      onCreated={(advertisement) => {
        stores.advertisements.getState().upsert(advertisement);
        shell.selectRows({ kind: 'advertisements' }, [advertisement.advertisementId]);
        shell.setStatus(`Created advertisement ${advertisement.advertisementName} (${advertisement.advertisementId}).`);
      }}
    />
  );
}

/**
 * Software Distribution › Advertisements: every advertisement of the site, the New Advertisement
 * Wizard, Properties and Delete (docs/advertisements.md#the-console).
 */
export const advertisementsFeature: FeatureRegistration<keyof AdvertisementsNodeKinds, keyof AdvertisementsRowKinds, keyof AdvertisementsPopupKinds> = {
  nodes: {
    advertisements: {
      label: 'Advertisements',
      icon: MegaphoneRegular,
      description: 'Offers of a program to a collection, with a schedule.',
      details: {
        kind: 'list',
        View: AdvertisementsView,
        rows: (_, keys, { stores }) => {
          const items = stores.advertisements.getState().list.items;
          return detailsRows('advertisement', keys.map((key) => items.find((a) => a.advertisementId === key)).filter((a) => a !== undefined));
        },
        count: (_, stores) => {
          const list = stores.advertisements.getState().list;
          return list.status === 'ready' ? list.items.length : null;
        },
      },
      actions: (_, { shell }) => [
        submenu(
          'new',
          'New',
          [
            command('new-advertisement', 'Advertisement', () => shell.openPopup({ kind: 'new-advertisement', start: {} }), { icon: MegaphoneRegular }),
            command('new-device-advertisement', 'Advertisement For Device', () => shell.openPopup({ kind: 'new-device-advertisement', start: {} }), { icon: PhoneRegular }),
          ],
          { icon: AddRegular },
        ),
      ],
      refresh: (_, stores) => stores.advertisements.getState().load(),
    },
  },
  rows: {
    advertisement: {
      label: (advertisement) => advertisement.advertisementName,
      actions: (advertisement, { shell }) => [
        command('properties', 'Properties', () => shell.openPopup({ kind: 'advertisement-properties', advertisementId: advertisement.advertisementId }), {
          icon: SettingsRegular,
        }),
        command('client-status', 'Client Status', () => shell.openPopup({ kind: 'advertisement-client-status', advertisementId: advertisement.advertisementId, name: advertisement.advertisementName }), {
          icon: DesktopPulseRegular,
        }),
        distributeSoftwareAction({ from: 'advertisement', advertisementId: advertisement.advertisementId }, shell),
        showMessagesInViewer({ advertisementId: advertisement.advertisementId, about: `advertisement ${advertisement.advertisementName} (${advertisement.advertisementId})` }, shell),
        command('delete', 'Delete', () => shell.openPopup({ kind: 'delete-advertisement', advertisement }), { icon: DeleteRegular, shortcut: 'Del' }),
      ],
    },
  },
  popups: {
    'new-advertisement': { render: ({ start }, env) => newAdvertisementWizard(start, 'computer', env) },
    'new-device-advertisement': { render: ({ start }, env) => newAdvertisementWizard(start, 'device', env) },
    'advertisement-properties': {
      render: ({ advertisementId }, { stores, shell, close }) => (
        <AdvertisementPropertiesDialog
          advertisementId={advertisementId}
          onClose={close}
          onSaved={(advertisement) => {
            stores.advertisements.getState().upsert(advertisement);
            shell.setStatus(`Saved advertisement ${advertisement.advertisementName} (${advertisement.advertisementId}).`);
          }}
        />
      ),
    },
    'advertisement-client-status': {
      render: ({ advertisementId, name }, { close }) => <AdvertisementClientStatusDialog advertisementId={advertisementId} name={name} onClose={close} />,
    },
    'delete-advertisement': {
      render: ({ advertisement }, { stores, shell, close }) => (
        <DeleteAdvertisementDialog
          advertisement={advertisement}
          onClose={close}
          onDeleted={(answer) => {
            shell.rowsDeleted([answer.advertisementId], () => stores.advertisements.getState().remove(answer.advertisementId));
            shell.setStatus(`Deleted advertisement ${answer.advertisementName} (${answer.advertisementId}).`);
          }}
        />
      ),
    },
  },
  start: (stores, bridge) => followAdvertisementChanges(stores.advertisements, bridge),
  activity: (stores) => ({ busy: stores.advertisements.getState().list.status === 'loading', message: null }),
};
