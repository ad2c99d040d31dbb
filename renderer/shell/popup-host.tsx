import type { ReactNode } from 'react';
import type { PackageDto, SiteInfoDto } from '../../core/api';
import { assertNever } from '../components/assert-never';
import { DeletePackageDialog, NewPackageWizard, PackagePropertiesDialog } from '../features/packages';
import { AboutDialog } from './about-dialog';
import type { ConsoleTreeModel } from './console-tree-model';
import { HelpDialog } from './help-dialog';
import type { Popup } from './popup';

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
    case 'package-properties':
      return <PackagePropertiesDialog packageId={popup.packageId} onClose={onClose} />;
    case 'delete-package':
      return <DeletePackageDialog pkg={popup.pkg} onClose={onClose} onDeleted={onDeleted} />;
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
