import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { PackageSettings } from '../../../core/api';
import { PropertySheet, sessionSheetProps, usePropertiesSession } from '../../components/property-sheet';
import { useCourier } from '../../client/courier-context';
import { packageProperties, packagePropertiesSheetTabs, tabOf, type ReadyState } from './package-properties-reducer';
import type { PackagePageProps } from './package-page-props';
import { PackageSettingsPage } from './package-settings-page';
import { SecurityNote } from './security-note';
import { useLastValue, useOpenCount } from '../../components/use-last-value';

export interface PackagePropertiesDialogProps {
  readonly packageId: string | null;
  readonly onClose: () => void;
}

function TabBody({ state, pageProps }: { readonly state: ReadyState; readonly pageProps: PackagePageProps }) {
  const tab = tabOf(state.tab);
  switch (tab.kind) {
    case 'settings':
      return (
        <PackageSettingsPage
          page={tab.id}
          {...pageProps}
          details={{
            packageId: state.saved.packageId,
            sourceVersion: state.saved.sourceVersion,
            lastModified: state.saved.lastModified,
          }}
        />
      );
    case 'security':
      return <SecurityNote />;
  }
}

function PackagePropertiesSession({ open, packageId, onClose }: {
  readonly open: boolean;
  readonly packageId: string;
  readonly onClose: () => void;
}) {
  const courier = useCourier();
  const session = usePropertiesSession(
    packageProperties,
    () => courier['packages:get']({ packageId }),
    (ready, changes) => courier['packages:update']({ packageId: ready.saved.packageId, changes }),
  );
  const { state, dispatch } = session;
  const { propertiesIssues } = packageProperties;

  const readyState = state.kind === 'ready' ? state : null;
  return (
    <PropertySheet
      open={open}
      title={readyState ? `${readyState.saved.name} Properties` : `${packageId} Properties`}
      tabs={packagePropertiesSheetTabs}
      {...sessionSheetProps(packageProperties, session)}
      // Unlike the other sheets, every refusal shows above the tabs too, also one shown at its field.
      error={readyState?.error?.message ?? null}
      onClose={onClose}
    >
      {state.kind === 'loading' && <Spinner label="Loading the package…" />}
      {state.kind === 'loadFailed' && (
        <MessageBar intent="error">
          <MessageBarBody>{state.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {readyState && (
        <TabBody
          state={readyState}
          pageProps={{
            draft: readyState.draft,
            issues: propertiesIssues(readyState),
            onChange: (changes: Partial<PackageSettings>) => dispatch({ type: 'edit', changes }),
          }}
        />
      )}
    </PropertySheet>
  );
}

/** The package's Properties: one tab per page of the New Package Wizard; saves only what changed. */
export function PackagePropertiesDialog({ packageId, onClose }: PackagePropertiesDialogProps) {
  const shown = useLastValue(packageId);
  const opening = useOpenCount(packageId !== null);
  if (shown === null) return null;
  return <PackagePropertiesSession key={`${opening}:${shown}`} open={packageId !== null} packageId={shown} onClose={onClose} />;
}
