import type { FeatureRegistration } from '../../shell/registration';
import type { DistributeSoftwarePopupKinds } from './distribute-software-kinds';
import { DistributeSoftwareWizard } from './distribute-software-wizard';

/**
 * Distribute › Software (docs/distribute-software.md): the wizard that makes a package, its
 * program, its distribution and an advertisement in one go. Its entry points are in the
 * collections, packages, programs and advertisements features (distributeSoftwareAction).
 */
export const distributeSoftwareFeature: FeatureRegistration<never, never, keyof DistributeSoftwarePopupKinds> = {
  nodes: {},
  rows: {},
  popups: {
    'distribute-software': {
      render: ({ start }, { stores, shell, close }) => (
        <DistributeSoftwareWizard
          start={start}
          onClose={close}
          onDone={(result) => {
            // What the run made shows at once in the lists that hold it.
            void stores.packages.getState().load();
            void stores.collections.getState().load();
            void stores.advertisements.getState().load();
            if (result.packageId !== null) void stores.programs.getState().load(result.packageId);
            const made = [
              result.packageId !== null ? `package ${result.packageId}` : null,
              result.collectionId !== null ? `collection ${result.collectionId}` : null,
              result.advertisementId !== null ? `advertisement ${result.advertisementId}` : null,
            ].filter((s) => s !== null);
            shell.setStatus(`Distributed ${result.programName ?? 'the program'}: ${made.join(', ')}.`);
          }}
        />
      ),
    },
  },
};
