import type { ReactNode } from 'react';
import type { PackageDto, ProgramDto, SiteInfoDto } from '../../core/api';
import { assertNever } from '../components/assert-never';
import { AccessAccountDialog, DeleteAccessAccountDialog } from '../features/access-accounts';
import { useAccessAccountsStore } from '../features/access-accounts/access-accounts-store';
import { PackageImportWizard } from '../features/package-import';
import { DeletePackageDialog, NewPackageWizard, PackagePropertiesDialog } from '../features/packages';
import { DeleteProgramWizard, NewDeviceProgramWizard, NewProgramWizard, ProgramPropertiesDialog } from '../features/programs';
import { useProgramsStore } from '../features/programs/programs-store';
import { AboutDialog } from './about-dialog';
import type { ConsoleTreeModel } from './console-tree-model';
import { HelpDialog } from './help-dialog';
import type { Popup } from './popup';
import { useShellStore } from './shell-store';

const status = (text: string): void => useShellStore.getState().setStatusText(text);

function programCreated(program: ProgramDto): void {
  useProgramsStore.getState().upsert(program);
  status(`Created program ${program.name} in package ${program.packageId}.`);
}

interface PopupHostProps {
  readonly popup: Popup | null;
  readonly model: ConsoleTreeModel;
  readonly site: SiteInfoDto | null;
  readonly onClose: () => void;
  readonly onCreated: (pkg: PackageDto) => void;
  readonly onDeleted: (packageId: string) => void;
}

/** Renders the one open dialog. Each kind of popup is a case here, so none is forgotten. */
export function PopupHost({ popup, model, site, onClose, onCreated, onDeleted }: PopupHostProps): ReactNode {
  if (popup === null) return null;
  switch (popup.kind) {
    case 'new-package':
      return <NewPackageWizard open onClose={onClose} onCreated={onCreated} />;
    case 'new-package-from-definition':
      return (
        <PackageImportWizard
          open
          onClose={onClose}
          onCreated={(result) => {
            onCreated(result.package);
            for (const program of result.programs) useProgramsStore.getState().upsert(program);
            const count = result.programs.length;
            status(`Created package ${result.package.name} (${result.package.packageId}) with ${count} ${count === 1 ? 'program' : 'programs'}.`);
          }}
        />
      );
    case 'package-properties':
      return <PackagePropertiesDialog packageId={popup.packageId} onClose={onClose} />;
    case 'delete-package':
      return <DeletePackageDialog pkg={popup.pkg} onClose={onClose} onDeleted={onDeleted} />;
    case 'new-program':
      return <NewProgramWizard open packageId={popup.packageId} onClose={onClose} onCreated={programCreated} />;
    case 'new-device-program':
      return <NewDeviceProgramWizard open packageId={popup.packageId} onClose={onClose} onCreated={programCreated} />;
    case 'program-properties':
      return (
        <ProgramPropertiesDialog
          program={{ packageId: popup.program.packageId, name: popup.program.name }}
          onClose={onClose}
          onSaved={(program, previousName) => {
            useProgramsStore.getState().upsert(program, previousName);
            // A renamed program keeps its row selected under its new name.
            const shell = useShellStore.getState();
            if (program.name !== previousName && shell.selectedItems.includes(previousName)) {
              shell.setSelectedItems(shell.selectedItems.map((key) => (key === previousName ? program.name : key)));
            }
            status(`Saved program ${program.name}.`);
          }}
        />
      );
    case 'delete-program':
      return (
        <DeleteProgramWizard
          program={popup.program}
          onClose={onClose}
          onDeleted={(result) => {
            useProgramsStore.getState().remove(result.packageId, result.programName);
            status(`Deleted program ${result.programName} from package ${result.packageId}.`);
          }}
        />
      );
    case 'new-access-account':
      return (
        <AccessAccountDialog
          target={{ mode: 'new', packageId: popup.packageId, accountKind: popup.accountKind }}
          onClose={onClose}
          onSaved={(account) => {
            useAccessAccountsStore.getState().upsert(account);
            status(`Added access account ${account.accountName} to package ${account.packageId}.`);
          }}
        />
      );
    case 'access-account-properties':
      return (
        <AccessAccountDialog
          target={{ mode: 'edit', account: popup.account }}
          onClose={onClose}
          onSaved={(account) => {
            useAccessAccountsStore.getState().upsert(account);
            status(`Saved access account ${account.accountName}.`);
          }}
        />
      );
    case 'delete-access-account':
      return (
        <DeleteAccessAccountDialog
          account={popup.account}
          onClose={onClose}
          onDeleted={(packageId, remaining) => {
            useAccessAccountsStore.getState().replace(packageId, remaining);
            status(`Deleted access account ${popup.account.accountName} from package ${packageId}.`);
          }}
        />
      );
    case 'help': {
      const item = model.items.get(popup.nodeId);
      return item ? <HelpDialog item={item} onClose={onClose} /> : null;
    }
    case 'about':
      return <AboutDialog site={site} onClose={onClose} />;
    default:
      return assertNever(popup);
  }
}
