import { AddRegular, DeleteRegular, PhoneRegular, SettingsRegular, WindowRegular } from '@fluentui/react-icons';
import type { ProgramDto } from '../../../core/api';
import { command, submenu } from '../../components/action-menu';
import { detailsRows } from '../../console/row-kinds';
import type { FeatureRegistration, ShellApi } from '../../shell/registration';
import { programAdvertisementActions } from '../advertisements/advertisements-feature';
import { distributeSoftwareAction } from '../distribute-software/distribute-action';
import { DeleteProgramWizard } from './delete-program-wizard';
import { NewDeviceProgramWizard, NewProgramWizard } from './new-program-wizard';
import { ProgramPropertiesDialog } from './program-properties-dialog';
import type { ProgramsNodeKinds, ProgramsPopupKinds, ProgramsRowKinds } from './programs-kinds';
import type { ProgramsStore } from './programs-store';
import { ProgramsView } from './programs-view';

function created(program: ProgramDto, programs: ProgramsStore, shell: ShellApi): void {
  programs.getState().upsert(program);
  shell.setStatus(`Created program ${program.name} in package ${program.packageId}.`);
}

/** A package's programs: its Programs node, the program rows, and the program wizards and Properties. */
export const programsFeature: FeatureRegistration<keyof ProgramsNodeKinds, keyof ProgramsRowKinds, keyof ProgramsPopupKinds> = {
  nodes: {
    'package-programs': {
      label: 'Programs',
      icon: WindowRegular,
      description: 'The command lines that install or run this package on clients.',
      details: {
        kind: 'list',
        View: ProgramsView,
        rows: ({ packageId }, keys, { stores }) => {
          const programs = stores.programs.getState().lists[packageId]?.items ?? [];
          return detailsRows(
            'program',
            keys.map((key) => programs.find((p) => p.name === key)).filter((p) => p !== undefined),
          );
        },
        count: ({ packageId }, stores) => {
          const list = stores.programs.getState().lists[packageId];
          return list?.status === 'ready' ? list.items.length : null;
        },
      },
      actions: ({ packageId }, { shell }) => [
        submenu('new', 'New', [
          command('new-program', 'Program', () => shell.openPopup({ kind: 'new-program', packageId }), { icon: WindowRegular }),
          command('new-device-program', 'Program For Device', () => shell.openPopup({ kind: 'new-device-program', packageId }), {
            icon: PhoneRegular,
          }),
        ], { icon: AddRegular }),
      ],
      refresh: ({ packageId }, stores) => stores.programs.getState().load(packageId),
    },
  },
  rows: {
    program: {
      label: (program) => program.name,
      actions: (program, { shell }) => [
        command('properties', 'Properties', () => shell.openPopup({ kind: 'program-properties', program }), { icon: SettingsRegular }),
        command('delete', 'Delete', () => shell.openPopup({ kind: 'delete-program', program }), { icon: DeleteRegular, shortcut: 'Del' }),
        ...programAdvertisementActions(program, shell),
        // The wizard advertises programs for computers; one for devices has New Advertisement For Device.
        ...(program.kind === 'computer' ? [distributeSoftwareAction({ from: 'program', packageId: program.packageId, programName: program.name }, shell)] : []),
      ],
    },
  },
  popups: {
    'new-program': {
      render: ({ packageId }, { stores, shell, close }) => (
        <NewProgramWizard open packageId={packageId} onClose={close} onCreated={(program) => created(program, stores.programs, shell)} />
      ),
    },
    'new-device-program': {
      render: ({ packageId }, { stores, shell, close }) => (
        <NewDeviceProgramWizard open packageId={packageId} onClose={close} onCreated={(program) => created(program, stores.programs, shell)} />
      ),
    },
    'program-properties': {
      render: ({ program }, { stores, shell, close }) => (
        <ProgramPropertiesDialog
          program={{ packageId: program.packageId, name: program.name }}
          onClose={close}
          onSaved={(saved, previousName) => {
            stores.programs.getState().upsert(saved, previousName);
            // A renamed program keeps its row selected under its new name.
            if (saved.name !== previousName) shell.renameRow(previousName, saved.name);
            shell.setStatus(`Saved program ${saved.name}.`);
          }}
        />
      ),
    },
    'delete-program': {
      render: ({ program }, { stores, shell, close }) => (
        <DeleteProgramWizard
          program={program}
          onClose={close}
          onDeleted={({ packageId, programName }) => {
            shell.rowsDeleted([programName], () => stores.programs.getState().remove(packageId, programName));
            shell.setStatus(`Deleted program ${programName} from package ${packageId}.`);
          }}
        />
      ),
    },
  },
};
