import { ShareRegular } from '@fluentui/react-icons';
import { command, submenu, type Action } from '../../components/action-menu';
import type { ShellApi } from '../../shell/registration';
import type { DistributeStart } from './distribute-software-reducer';

/** Distribute › Software on a collection, resources, a package, a program or an advertisement. */
export function distributeSoftwareAction(start: DistributeStart, shell: ShellApi, options: { readonly disabled?: boolean } = {}): Action {
  return submenu(
    'distribute',
    'Distribute',
    [command('distribute-software', 'Software', () => shell.openPopup({ kind: 'distribute-software', start }), { icon: ShareRegular, disabled: options.disabled === true })],
    { icon: ShareRegular },
  );
}
