import { Button, Checkbox, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { fullPackageName, type ComputerProgramSettings } from '../../../core/api';
import { FormRow, MessageLine, fieldAnchor, oneLineText, useFormStyles } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import { BrowseCollectionDialog } from '../advertisements/browse-collection-dialog';
import { BrowsePackageDialog } from '../advertisements/browse-package-dialog';
import { WallClockRow } from '../advertisements/wall-clock-row';
import { DpChooser } from '../package-distribution/dp-chooser';
import {
  advertisementNameOf,
  defaultAdvertisementName,
  type DistributeAction,
  type DistributeStart,
  type DistributeState,
  type PackageChoice,
} from './distribute-software-reducer';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  option: { display: 'flex', flexDirection: 'column' },
  // The explanation sits under its option's label, past the radio circle.
  explain: { paddingLeft: '32px', marginTop: `-${tokens.spacingVerticalXS}`, color: tokens.colorNeutralForeground3 },
  // Stretched, also inside a radio group, so the box takes the page's width.
  chosen: { paddingLeft: '32px', display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', alignSelf: 'stretch' },
  chosenBox: { flexGrow: 1, minWidth: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  command: { display: 'block', color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  note: { color: tokens.colorNeutralForeground2 },
});

export interface PageProps {
  readonly state: DistributeState;
  readonly dispatch: (action: DistributeAction) => void;
  /** Problems to show at their fields (those the admin has dealt with). */
  readonly issues: Readonly<Record<string, string>>;
}

/** Welcome: what the wizard does from where it was started. */
export function WelcomePage({ start, about }: { readonly start: DistributeStart; readonly about: string }) {
  const styles = useStyles();
  const target =
    start.from === 'collection'
      ? `to the collection ${about}`
      : start.from === 'resources'
        ? `to ${about}, through a new collection of them`
        : start.from === 'package'
          ? `from the package ${about}`
          : start.from === 'program'
            ? `with the program ${about}`
            : `again for the program of the advertisement ${about}`;
  return (
    <div className={styles.page}>
      <Text>This wizard distributes software {target}, in one go:</Text>
      <ul className={styles.list}>
        <li>a package and its program, new (from scratch or from a definition) or one the site has;</li>
        <li>the distribution points to copy the package to;</li>
        <li>an advertisement that offers the program to a collection, and when it becomes mandatory.</li>
      </ul>
      <Text>Nothing is made until you click Next on the Summary page; then everything is made together, or nothing at all.</Text>
      <Text>Click Next to continue.</Text>
    </div>
  );
}

const packageChoices: readonly { readonly id: PackageChoice; readonly label: string; readonly explain: string }[] = [
  { id: 'new', label: 'Create a new package and program without a definition file', explain: 'The next pages ask for the package and the program, as the New Package and New Program wizards do.' },
  { id: 'definition', label: 'Create a new package from a definition', explain: 'A package definition (.sms, .pdf) or a Windows Installer file gives the package and its programs.' },
  { id: 'existing', label: 'Select an existing package', explain: 'A package the site already has, with one of its programs.' },
];

/** Package: new from scratch, from a definition, or an existing one (Browse). */
export function PackagePage({ state, dispatch, issues }: PageProps) {
  const styles = useStyles();
  const [browsing, setBrowsing] = useState(false);
  const existing = state.existingPackage;
  return (
    <div className={styles.page}>
      <Text>Choose the package to distribute.</Text>
      <RadioGroup aria-label="Package" value={state.packageChoice} onChange={(_, data) => dispatch({ type: 'setPackageChoice', choice: data.value as PackageChoice })}>
        {packageChoices.map((choice) => (
          <div key={choice.id} className={styles.option}>
            <Radio value={choice.id} label={choice.label} />
            <Text size={200} className={styles.explain}>
              {choice.explain}
            </Text>
          </div>
        ))}
      </RadioGroup>
      <div className={styles.chosen} {...fieldAnchor('packageId')}>
        <Input
          className={styles.chosenBox}
          aria-label="Existing package"
          readOnly
          disabled={state.packageChoice !== 'existing'}
          value={existing === null ? '' : `${existing.fullName} (${existing.packageId})`}
        />
        <Button disabled={state.packageChoice !== 'existing'} onClick={() => setBrowsing(true)}>
          Browse…
        </Button>
      </div>
      {state.packageChoice === 'existing' && <MessageLine issue={issues.packageId} reserve={false} />}
      {browsing && (
        <BrowsePackageDialog
          selected={existing?.packageId ?? ''}
          onCancel={() => setBrowsing(false)}
          onSelect={(pkg) => {
            setBrowsing(false);
            dispatch({ type: 'chooseExistingPackage', pkg: { packageId: pkg.packageId, name: pkg.name, fullName: fullPackageName(pkg), containsSourceFiles: pkg.containsSourceFiles } });
          }}
        />
      )}
    </div>
  );
}

/** Program Identification: the first settings of the New Program wizard; the rest keep its defaults. */
export function ProgramIdentificationPage({ state, dispatch, issues }: PageProps) {
  const form = useFormStyles();
  const draft = state.newProgram;
  const onChange = (changes: Partial<ComputerProgramSettings>) => dispatch({ type: 'editProgram', changes });
  const admin = draft.runMode === 'adminRights';
  return (
    <div className={form.page}>
      <FormRow label="Name" field="name" issue={issues.name} required>
        <Input {...oneLineText} value={draft.name} onChange={(_, data) => onChange({ name: data.value })} />
      </FormRow>
      <FormRow label="Command line" field="commandLine" issue={issues.commandLine} required>
        <Input {...oneLineText} value={draft.commandLine} placeholder="setup.exe /s" onChange={(_, data) => onChange({ commandLine: data.value })} />
      </FormRow>
      <FormRow label="Comment" field="comment" issue={issues.comment}>
        <Textarea {...oneLineText} value={draft.comment} rows={2} resize="none" onChange={(_, data) => onChange({ comment: data.value })} />
      </FormRow>
      <Checkbox
        label="Run with administrative rights"
        checked={admin}
        onChange={(_, data) => onChange({ runMode: data.checked === true ? 'adminRights' : 'userRights' })}
        {...fieldAnchor('runMode')}
      />
      <Checkbox
        label="User input required (allow users to interact with this program)"
        disabled={!admin}
        checked={draft.allowUserInteraction}
        onChange={(_, data) => onChange({ allowUserInteraction: data.checked === true })}
        {...fieldAnchor('allowUserInteraction')}
      />
      <Text size={200} className={form.note}>
        {admin
          ? 'With administrative rights the program runs in the system’s context: users see it only if it takes their input.'
          : 'With the user’s rights the program runs as the logged-on user, who can always answer it.'}{' '}
        Its other settings (requirements, environment, advanced) keep the New Program wizard’s defaults; change them in the program’s Properties.
      </Text>
    </div>
  );
}

/** Distribution Points: the DPs to copy the package to; for an existing package only those that lack it. */
export function DistributionPointsPage({ state, dispatch, onRetry }: PageProps & { readonly onRetry: () => void }) {
  const styles = useStyles();
  const existing = state.packageChoice === 'existing';
  return (
    <div className={styles.page}>
      <Text>
        Select the distribution points to copy the package to{existing ? '. Only those that do not have the package yet are listed' : ''}. You may select none
        and add them later from the package’s Distribution Points.
      </Text>
      <DpChooser
        choices={state.dpCandidates}
        selected={state.dps}
        groupNote={state.groupNote}
        emptyMessage={`${existing ? 'Every distribution point of the site already has this package.' : 'The site has no distribution point.'} Add one under Site Settings › Site Systems.`}
        listHeight="180px"
        onSelect={(names) => dispatch({ type: 'selectDps', names })}
        onSelectGroup={(group) => dispatch({ type: 'selectGroup', group })}
        onRetry={onRetry}
      />
    </div>
  );
}

export type ProgramChoices =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly programs: readonly { readonly name: string; readonly commandLine: string; readonly note: string | null }[] }
  | { readonly status: 'error'; readonly error: string };

/** Program: one program of the package (an existing package's, or one the definition lists). */
export function ProgramPage({ state, dispatch, issues, choices }: PageProps & { readonly choices: ProgramChoices }) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <Text>Select the program to advertise.</Text>
      {choices.status === 'loading' && <Spinner size="tiny" label="Reading the programs…" />}
      {choices.status === 'error' && <Text role="alert">The programs could not be read: {choices.error}</Text>}
      {choices.status === 'ready' && choices.programs.length === 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>The package has no program. Choose another package, or create a new package and program on the Package page.</MessageBarBody>
        </MessageBar>
      )}
      {choices.status === 'ready' && choices.programs.length > 0 && (
        <RadioGroup aria-label="Programs" value={state.programName} onChange={(_, data) => dispatch({ type: 'chooseProgram', programName: data.value })} {...fieldAnchor('programName')}>
          {choices.programs.map((program) => (
            <div key={program.name} className={styles.option}>
              <Radio value={program.name} label={program.name} />
              <span className={styles.explain}>
                <span className={styles.command}>{program.commandLine}</span>
                {program.note !== null && <Text size={200}>{program.note}</Text>}
              </span>
            </div>
          ))}
        </RadioGroup>
      )}
      <MessageLine issue={issues.programName} reserve={false} />
    </div>
  );
}

/** Advertise Program: whether to advertise it now, with the advertisements it already has. */
export function AdvertisePage({ state, dispatch, existing }: PageProps & { readonly existing: readonly string[] }) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <Text>Do you want to advertise the program to a collection?</Text>
      <RadioGroup aria-label="Advertise the program" value={state.advertise ? 'yes' : 'no'} onChange={(_, data) => dispatch({ type: 'edit', changes: { advertise: data.value === 'yes' } })}>
        <Radio value="yes" label="Yes. Create a new advertisement for the program" />
        <Radio value="no" label="No. Do not advertise the program" />
      </RadioGroup>
      {!state.advertise && <Text className={styles.note}>The package and program are still made and copied to the distribution points chosen.</Text>}
      <GroupFrame legend="Advertisements of this program">
        {state.packageChoice !== 'existing' ? (
          <Text size={200}>A new package has no advertisements yet.</Text>
        ) : existing.length === 0 ? (
          <Text size={200}>The program is not advertised yet.</Text>
        ) : (
          <ul className={styles.list} aria-label="Advertisements of this program">
            {existing.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </GroupFrame>
    </div>
  );
}

/** Advertisement Target: an existing collection (Browse), or a new one. */
export function TargetPage({ state, dispatch, issues, collectionLabel }: PageProps & { readonly collectionLabel: (id: string) => string }) {
  const styles = useStyles();
  const [browsing, setBrowsing] = useState(false);
  const existing = state.targetKind === 'collection';
  return (
    <div className={styles.page}>
      <Text>Select the collection to advertise the program to.</Text>
      <RadioGroup aria-label="Advertisement target" value={state.targetKind} onChange={(_, data) => dispatch({ type: 'edit', changes: { targetKind: data.value === 'newCollection' ? 'newCollection' : 'collection' } })}>
        <Radio value="collection" label="Advertise the program to an existing collection" />
        <div className={styles.chosen} {...fieldAnchor('collectionId')}>
          <Input className={styles.chosenBox} aria-label="Existing collection" readOnly disabled={!existing} value={state.collectionId === '' ? '' : collectionLabel(state.collectionId)} />
          <Button disabled={!existing} onClick={() => setBrowsing(true)}>
            Browse…
          </Button>
        </div>
        <Radio value="newCollection" label="Create a new collection and advertise the program to it" />
      </RadioGroup>
      {existing && <MessageLine issue={issues.collectionId} reserve={false} />}
      {state.start.from === 'resources' && state.targetKind === 'newCollection' && (
        <Text className={styles.note}>The new collection has a direct membership rule for each resource you selected.</Text>
      )}
      {browsing && (
        <BrowseCollectionDialog
          selected={state.collectionId}
          onCancel={() => setBrowsing(false)}
          onSelect={(collection) => {
            setBrowsing(false);
            dispatch({ type: 'edit', changes: { collectionId: collection.collectionId } });
          }}
        />
      )}
    </div>
  );
}

/** New Collection: the new target collection's name and comment. */
export function CollectionNamePage({ state, dispatch, issues }: PageProps) {
  const form = useFormStyles();
  return (
    <div className={form.page}>
      <FormRow label="Name" field="name" issue={issues.name} required>
        <Input {...oneLineText} value={state.newCollection.name} onChange={(_, data) => dispatch({ type: 'editCollection', changes: { name: data.value } })} />
      </FormRow>
      <FormRow label="Comment" field="comment" issue={issues.comment}>
        <Textarea {...oneLineText} rows={3} resize="none" value={state.newCollection.comment} onChange={(_, data) => dispatch({ type: 'editCollection', changes: { comment: data.value } })} />
      </FormRow>
      <Text className={form.note}>The collection is created at the top of Collections, and its membership is evaluated at once.</Text>
    </div>
  );
}

/** Advertisement Name: the name (by default "<package> - <program>") and a comment. */
export function AdvertisementNamePage({ state, dispatch, issues }: PageProps) {
  const form = useFormStyles();
  return (
    <div className={form.page}>
      <FormRow label="Name" field="advertisementName" issue={issues.advertisementName} required hint={state.advertisementName === null ? 'Named after the package and program.' : undefined}>
        <Input {...oneLineText} value={advertisementNameOf(state)} onChange={(_, data) => dispatch({ type: 'edit', changes: { advertisementName: data.value } })} />
      </FormRow>
      <FormRow label="Comment" field="comment" issue={issues.comment}>
        <Textarea {...oneLineText} rows={3} resize="none" value={state.comment} onChange={(_, data) => dispatch({ type: 'edit', changes: { comment: data.value } })} />
      </FormRow>
      {state.advertisementName !== null && state.advertisementName !== defaultAdvertisementName(state) && (
        <Button className={form.note} appearance="subtle" size="small" onClick={() => dispatch({ type: 'edit', changes: { advertisementName: defaultAdvertisementName(state) } })}>
          Use “{defaultAdvertisementName(state)}”
        </Button>
      )}
    </div>
  );
}

/** Advertisement Subcollection: the target's members only, or its subcollections' too. */
export function SubcollectionPage({ state, dispatch }: PageProps) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <Text>Do you want to advertise the program to the members of the collection’s subcollections as well?</Text>
      <RadioGroup
        aria-label="Advertise to subcollections"
        value={state.includeSubcollections ? 'yes' : 'no'}
        onChange={(_, data) => dispatch({ type: 'edit', changes: { includeSubcollections: data.value === 'yes' } })}
      >
        <Radio value="yes" label="Advertise the program to members of the collection and its subcollections" />
        <Radio value="no" label="Advertise the program only to members of the collection" />
      </RadioGroup>
    </div>
  );
}

/** Advertisement Schedule: when the program is offered, and when the offer ends. */
export function SchedulePage({ state, dispatch, issues }: PageProps) {
  const form = useFormStyles();
  const s = state.schedule;
  return (
    <div className={form.page}>
      <Text>When should the program be offered? Times without UTC are the clients’ own local times.</Text>
      <WallClockRow
        label="Advertise the program after"
        field="presentTime"
        issue={issues.presentTime}
        value={s.presentTime}
        utc={s.presentTimeIsGmt}
        onChange={(presentTime) => dispatch({ type: 'editSchedule', changes: { presentTime } })}
        onUtcChange={(presentTimeIsGmt) => dispatch({ type: 'editSchedule', changes: { presentTimeIsGmt } })}
      />
      <Checkbox label="Advertisement expires" checked={s.expires} onChange={(_, data) => dispatch({ type: 'editSchedule', changes: { expires: data.checked === true } })} />
      <WallClockRow
        label="Expiration time"
        field="expirationTime"
        issue={issues.expirationTime}
        value={s.expires ? s.expirationTime : null}
        utc={s.expirationTimeIsGmt}
        disabled={!s.expires}
        onChange={(expirationTime) => dispatch({ type: 'editSchedule', changes: { expirationTime } })}
        onUtcChange={(expirationTimeIsGmt) => dispatch({ type: 'editSchedule', changes: { expirationTimeIsGmt } })}
      />
    </div>
  );
}

/** Assign Program: one time it becomes mandatory, or not assigned. */
export function AssignPage({ state, dispatch, issues }: PageProps) {
  const form = useFormStyles();
  const s = state.schedule;
  return (
    <div className={form.page}>
      <Text>Do you want to assign the program, so that it runs without the user choosing it?</Text>
      <RadioGroup aria-label="Assign the program" value={s.assigned ? 'yes' : 'no'} onChange={(_, data) => dispatch({ type: 'editSchedule', changes: { assigned: data.value === 'yes' } })}>
        <Radio value="no" label="No. Do not assign the program" />
        <Radio value="yes" label="Yes. Assign the program" />
      </RadioGroup>
      <WallClockRow
        label="Assign after"
        field="assignedTime"
        issue={issues.assignedTime}
        value={s.assigned ? s.assignedTime : null}
        utc={s.assignedTimeIsGmt}
        disabled={!s.assigned}
        onChange={(assignedTime) => dispatch({ type: 'editSchedule', changes: { assignedTime } })}
        onUtcChange={(assignedTimeIsGmt) => dispatch({ type: 'editSchedule', changes: { assignedTimeIsGmt } })}
      />
      <Text size={200} className={form.note}>
        The wizard sets one assigned time. A recurring assignment, or one at logon or logoff, is set afterwards in the advertisement’s Properties (Schedule).
      </Text>
    </div>
  );
}
