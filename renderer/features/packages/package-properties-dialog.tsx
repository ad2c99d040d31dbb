import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useReducer } from 'react';
import type { ApiErrorDto, PackageSettings } from '../../../core/api';
import { PropertySheet } from '../../components/property-sheet';
import { useCourier } from '../../client/courier-context';
import {
  blockingProblem,
  initialPackagePropertiesState,
  isDirty,
  packagePropertiesReducer,
  packagePropertiesSheetTabs,
  pendingChanges,
  propertiesIssues,
  tabOf,
  type ReadyState,
} from './package-properties-reducer';
import type { PackagePageProps } from './package-page-props';
import { PackageSettingsPage } from './package-settings-page';
import { SecurityNote } from './security-note';
import { useLastValue, useOpenCount } from '../../components/use-last-value';

export interface PackagePropertiesDialogProps {
  readonly packageId: string | null;
  readonly onClose: () => void;
}

function unreachable(error: unknown): ApiErrorDto {
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : 'The site server cannot be reached.' };
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
  const [state, dispatch] = useReducer(packagePropertiesReducer, initialPackagePropertiesState);

  useEffect(() => {
    let current = true;
    courier['packages:get']({ packageId })
      .then((result) => {
        if (!current) return;
        dispatch(result.ok ? { type: 'loaded', package: result.value } : { type: 'loadFailed', error: result.error });
      })
      .catch((error: unknown) => current && dispatch({ type: 'loadFailed', error: unreachable(error) }));
    return () => {
      current = false;
    };
  }, [packageId]);

  async function apply(): Promise<boolean> {
    if (state.kind !== 'ready' || !isDirty(state) || blockingProblem(state) !== null) return false;
    dispatch({ type: 'saveStarted' });
    try {
      const result = await courier['packages:update']({ packageId: state.saved.packageId, changes: pendingChanges(state) });
      dispatch(result.ok ? { type: 'saveSucceeded', package: result.value } : { type: 'saveFailed', error: result.error });
      return result.ok;
    } catch (error) {
      dispatch({ type: 'saveFailed', error: unreachable(error) });
      return false;
    }
  }

  const readyState = state.kind === 'ready' ? state : null;
  return (
    <PropertySheet
      open={open}
      title={readyState ? `${readyState.saved.name} Properties` : `${packageId} Properties`}
      tabs={packagePropertiesSheetTabs}
      selectedTab={readyState?.tab ?? 'general'}
      onSelectTab={(tab) => dispatch({ type: 'selectTab', tab })}
      ready={readyState !== null}
      dirty={readyState !== null && isDirty(readyState)}
      saving={readyState?.saving ?? false}
      blocked={readyState ? blockingProblem(readyState) : null}
      error={readyState?.error?.message ?? null}
      onDismissError={() => dispatch({ type: 'dismissError' })}
      onApply={apply}
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
