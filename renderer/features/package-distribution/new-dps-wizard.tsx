import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ServerRegular } from '@fluentui/react-icons';
import { useEffect, useReducer, useState, type ReactNode } from 'react';
import { fullPackageName, type DistributionPlanDto, type DpGroupDto, type PackageListItem } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { Wizard, WizardOutcome, type WizardFooter } from '../../components/wizard';
import { DpChooser } from './dp-chooser';
import {
  canJumpTo,
  initialNewDpsState,
  newDpsPages,
  newDpsReducer,
  pageProblem,
  type NewDpsPage,
  type NewDpsState,
} from './new-dps-wizard-reducer';
import { dpCount, formatBytes, nameList } from './package-dp-labels';
import { sizeText, useSourceSize } from './use-source-size';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  details: { margin: 0, display: 'grid', gridTemplateColumns: 'minmax(140px, 35%) 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  pair: { display: 'contents' },
  label: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

export interface NewDpsWizardProps {
  readonly pkg: PackageListItem;
  readonly onClose: () => void;
  readonly onDistributed?: (plan: DistributionPlanDto) => void;
}

function footerFor(state: NewDpsState): WizardFooter {
  const { page, submission } = state;
  if (page === 'confirmation') return { kind: 'confirmation', canGoBack: submission.kind === 'failed' };
  if (page === 'summary') {
    return { kind: 'summary', canGoBack: submission.kind !== 'working', canGoNext: submission.kind !== 'working', busy: submission.kind === 'working', busyLabel: 'Adding the distribution points…' };
  }
  const blocked = pageProblem(state);
  return { kind: 'page', canGoBack: page !== 'welcome', canGoNext: blocked === null, canJumpToSummary: state.containsSourceFiles, blocked };
}

function WelcomePage({ pkg }: { readonly pkg: PackageListItem }) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <Text>
        This wizard copies package <Text weight="semibold">{fullPackageName(pkg)}</Text> ({pkg.packageId}) to distribution points: the servers clients
        get its files from.
      </Text>
      {pkg.containsSourceFiles ? (
        <>
          <Text>
            You choose the distribution points; Distribution Manager then copies source version {pkg.sourceVersion} from its source directory to each of them
            (the Summary page names the folder and counts its files). Until it has, each one is listed as Install Pending.
          </Text>
          <Text>Click Next to choose the distribution points.</Text>
        </>
      ) : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This package needs no distribution points.</MessageBarTitle>
            It contains no source files: its programs run commands that clients already have, so there is nothing to copy. To give it files, open
            its Properties and set a source directory on the Data Source tab.
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

function CopyPackagePage({ state, onSelect, onRetry, onSelectGroup }: {
  readonly state: NewDpsState;
  readonly onSelect: (names: readonly string[]) => void;
  readonly onRetry: () => void;
  readonly onSelectGroup: (group: DpGroupDto) => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <Text>Select the distribution points to copy the package to. Only those that do not have the package yet are listed.</Text>
      <DpChooser
        choices={state.candidates}
        selected={state.selected}
        groupNote={state.groupNote}
        emptyMessage="Every distribution point of the site already has this package, or is being deleted. Add one under Site Settings › Site Systems."
        listHeight="200px"
        onSelect={onSelect}
        onSelectGroup={onSelectGroup}
        onRetry={onRetry}
      />
    </div>
  );
}

function SummaryPage({ state, pkg }: { readonly state: NewDpsState; readonly pkg: PackageListItem }) {
  const styles = useStyles();
  const read = useSourceSize(pkg.packageId);
  const count = state.selected.length;
  return (
    <div className={styles.page}>
      <Text>
        The wizard will give package {fullPackageName(pkg)} ({pkg.packageId}) {dpCount(count)}: {nameList(state.selected)}.
      </Text>
      {read.status === 'loading' && <Spinner size="tiny" label="Counting the source files…" />}
      {read.status === 'ready' && (
        <Text>
          Distribution Manager will copy source version {pkg.sourceVersion}, {sizeText(read.size)} in <Text font="monospace">{read.size.sourceDirectory}</Text>,
          to {count === 1 ? 'it' : `each of them: ${formatBytes(read.size.bytes * count)} in all`}.
        </Text>
      )}
      {read.status === 'error' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The source files could not be counted.</MessageBarTitle>
            {read.error}
          </MessageBarBody>
        </MessageBar>
      )}
      <Text>Each distribution point is listed as Install Pending until the copy is done. Click Next to add them.</Text>
    </div>
  );
}

function ConfirmationPage({ state }: { readonly state: NewDpsState }) {
  const styles = useStyles();
  const { submission } = state;
  if (submission.kind === 'done') {
    const { plan } = submission;
    return (
      <WizardOutcome wizard="New Distribution Points Wizard" ok>
        <Text>{plan.summary}</Text>
        <dl className={styles.details}>
          <div className={styles.pair}>
            <dt className={styles.label}>Distribution points added</dt>
            <dd className={styles.value}>{nameList(plan.distributionPoints)}</dd>
          </div>
          <div className={styles.pair}>
            <dt className={styles.label}>Source version</dt>
            <dd className={styles.value}>{plan.sourceVersion}</dd>
          </div>
        </dl>
        {plan.skipped.length > 0 && (
          <>
            <Text>Left as they are:</Text>
            <ul className={styles.list}>
              {plan.skipped.map((s) => (
                <li key={s.name}>
                  {s.name}: {s.reason}
                </li>
              ))}
            </ul>
          </>
        )}
        <Text>Each one is listed as Install Pending under the package&apos;s Distribution Points until Distribution Manager has copied it.</Text>
      </WizardOutcome>
    );
  }
  if (submission.kind === 'failed') {
    return (
      <WizardOutcome wizard="New Distribution Points Wizard" ok={false}>
        <Text>No distribution point was added. The site server said:</Text>
        <Text weight="semibold">{submission.error.message}</Text>
        <Text>Click Previous to change the selection and try again.</Text>
      </WizardOutcome>
    );
  }
  return null;
}

/** The New Distribution Points Wizard of a package's Distribution Points node. */
export function NewDpsWizard({ pkg, onClose, onDistributed }: NewDpsWizardProps): ReactNode {
  const courier = useCourier();
  const [state, dispatch] = useReducer(newDpsReducer, pkg.containsSourceFiles, initialNewDpsState);
  const [reads, setReads] = useState(0);
  const { packageId } = pkg;

  useEffect(() => {
    if (!pkg.containsSourceFiles) return;
    let current = true;
    void settle(() => courier['distribution-points:list']({ withoutPackage: packageId })).then((result) => {
      if (!current) return;
      dispatch(result.ok ? { type: 'candidatesLoaded', items: result.value } : { type: 'candidatesFailed', error: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [courier, packageId, pkg.containsSourceFiles, reads]);

  async function submit(): Promise<void> {
    dispatch({ type: 'submitStarted' });
    const result = await settle(() => courier['packages:distribute']({ packageId, distributionPoints: [...state.selected] }));
    if (result.ok) {
      dispatch({ type: 'submitSucceeded', plan: result.value });
      onDistributed?.(result.value);
    } else {
      dispatch({ type: 'submitFailed', error: result.error });
    }
  }

  const page = state.page;
  const heading = newDpsPages.find((p) => p.id === page)?.label ?? '';
  return (
    <Wizard<NewDpsPage>
      open
      title="New Distribution Points Wizard"
      pages={newDpsPages}
      current={page}
      canJumpTo={(target) => canJumpTo(state, target)}
      heading={heading}
      icon={<ServerRegular />}
      footer={footerFor(state)}
      onJumpTo={(target) => dispatch({ type: 'jumpTo', page: target })}
      onPrevious={() => dispatch({ type: 'previous' })}
      onNext={() => (page === 'summary' ? void submit() : dispatch({ type: 'next' }))}
      onSummary={() => dispatch({ type: 'summary' })}
      onClose={onClose}
    >
      {page === 'welcome' && <WelcomePage pkg={pkg} />}
      {page === 'copy' && (
        <CopyPackagePage
          state={state}
          onSelect={(names) => dispatch({ type: 'select', names })}
          onRetry={() => {
            dispatch({ type: 'candidatesReading' });
            setReads((n) => n + 1);
          }}
          onSelectGroup={(group) => dispatch({ type: 'selectGroup', group })}
        />
      )}
      {page === 'summary' && <SummaryPage state={state} pkg={pkg} />}
      {page === 'confirmation' && <ConfirmationPage state={state} />}
    </Wizard>
  );
}
