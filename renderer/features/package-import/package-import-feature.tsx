import type { FeatureRegistration } from '../../shell/registration';
import type { PackageImportPopupKinds } from './package-import-kinds';
import { PackageImportWizard } from './package-import-wizard';

/** Create Package From Definition: a package and its programs from a .sms, .pdf or .msi. */
export const packageImportFeature: FeatureRegistration<never, never, keyof PackageImportPopupKinds> = {
  nodes: {},
  rows: {},
  popups: {
    'new-package-from-definition': {
      render: (_, { stores, shell, close }) => (
        <PackageImportWizard
          open
          onClose={close}
          onCreated={({ package: pkg, programs }) => {
            stores.packages.getState().upsert(pkg);
            for (const program of programs) stores.programs.getState().upsert(program);
            shell.selectRows({ kind: 'packages' }, [pkg.packageId]);
            const count = programs.length;
            shell.setStatus(`Created package ${pkg.name} (${pkg.packageId}) with ${count} ${count === 1 ? 'program' : 'programs'}.`);
          }}
        />
      ),
    },
  },
};
