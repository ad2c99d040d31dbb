import { Checkbox, Dropdown, Option, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { fullPackageName, sameNoCase, type ProgramDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { FormRow, MessageLine, fieldAnchor, useFormStyles } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import { useStore } from 'zustand';
import { useConsoleStores } from '../../console/console-stores';
import { assignmentLabels } from './program-labels';
import type { ProgramPageProps } from './program-page-props';

type ProgramChoices =
  | { readonly status: 'loading'; readonly packageId: string }
  | { readonly status: 'ready'; readonly packageId: string; readonly names: readonly string[] }
  | { readonly status: 'error'; readonly packageId: string; readonly message: string };

/** The programs of a package that could run first: programs for computers, never this one itself. */
function useProgramChoices(packageId: string | null, exclude: { packageId: string; name: string } | null): ProgramChoices | null {
  const courier = useCourier();
  const [choices, setChoices] = useState<ProgramChoices | null>(null);
  useEffect(() => {
    if (packageId === null || packageId === '') return;
    let current = true;
    setChoices({ status: 'loading', packageId });
    void settle(() => courier['programs:list']({ packageId })).then((result) => {
      if (!current) return;
      if (!result.ok) {
        setChoices({ status: 'error', packageId, message: result.error.message });
        return;
      }
      const names = result.value
        .filter((p: ProgramDto) => p.kind === 'computer')
        .filter((p) => !(exclude !== null && p.packageId === exclude.packageId && sameNoCase(p.name, exclude.name)))
        .map((p) => p.name)
        .sort((a, b) => a.localeCompare(b));
      setChoices({ status: 'ready', packageId, names });
    });
    return () => {
      current = false;
    };
  }, [courier, packageId, exclude?.packageId, exclude?.name]);
  return choices !== null && choices.packageId === packageId ? choices : null;
}

export function ProgramAdvancedPage({ draft, issues, onChange, packageId, savedName }: ProgramPageProps) {
  const page = useFormStyles();
  const packages = useStore(useConsoleStores().packages, (s) => s.list.items);
  const dependent = draft.runFirst;
  const choices = useProgramChoices(dependent?.packageId ?? null, savedName === undefined ? null : { packageId, name: savedName });
  const sortedPackages = [...packages].sort((a, b) => fullPackageName(a).localeCompare(fullPackageName(b)));
  const chosenPackage = packages.find((p) => p.packageId === dependent?.packageId);
  const perUserAllowed = draft.canRunWhen === 'userLoggedOn';

  let programPlaceholder = 'Choose a program';
  if (choices?.status === 'loading') programPlaceholder = 'Loading programs…';
  else if (choices?.status === 'ready' && choices.names.length === 0) programPlaceholder = 'This package has no other programs';

  return (
    <div className={page.page}>
      <Checkbox
        label="Run another program first"
        checked={dependent !== null}
        onChange={(_, data) => onChange({ runFirst: data.checked === true ? { packageId, programName: '' } : null })}
      />
      <div className={page.nested}>
        <FormRow label="Package">
          <Dropdown
            className={page.dropdown}
            disabled={dependent === null}
            value={chosenPackage ? `${fullPackageName(chosenPackage)} (${chosenPackage.packageId})` : (dependent?.packageId ?? '')}
            selectedOptions={dependent ? [dependent.packageId] : []}
            onOptionSelect={(_, data) => data.optionValue && onChange({ runFirst: { packageId: data.optionValue, programName: '' } })}
          >
            {sortedPackages.map((p) => (
              <Option key={p.packageId} value={p.packageId} text={`${fullPackageName(p)} (${p.packageId})`}>
                {`${fullPackageName(p)} (${p.packageId})`}
              </Option>
            ))}
          </Dropdown>
        </FormRow>
        <FormRow label="Program" field="runFirst" issue={choices?.status === 'error' ? choices.message : issues.runFirst}>
          <Dropdown
            className={page.dropdown}
            disabled={dependent === null || choices?.status !== 'ready' || choices.names.length === 0}
            placeholder={programPlaceholder}
            value={dependent?.programName ?? ''}
            selectedOptions={dependent && dependent.programName !== '' ? [dependent.programName] : []}
            onOptionSelect={(_, data) =>
              dependent && data.optionValue && onChange({ runFirst: { packageId: dependent.packageId, programName: data.optionValue } })
            }
          >
            {(choices?.status === 'ready' ? choices.names : []).map((name) => (
              <Option key={name} value={name}>
                {name}
              </Option>
            ))}
          </Dropdown>
        </FormRow>
        <div {...fieldAnchor('alwaysRunDependent')}>
          <Checkbox
            label="Always run this program first"
            checked={draft.alwaysRunDependent}
            disabled={dependent === null}
            onChange={(_, data) => onChange({ alwaysRunDependent: data.checked === true })}
          />
          <MessageLine issue={issues.alwaysRunDependent} reserve={false} />
        </div>
      </div>
      <GroupFrame legend="When this program is assigned to a computer">
        <RadioGroup
          aria-label="When this program is assigned to a computer"
          value={draft.assignment}
          onChange={(_, data) => onChange({ assignment: data.value === 'oncePerUser' ? 'oncePerUser' : 'oncePerComputer' })}
          {...fieldAnchor('assignment')}
        >
          <Radio value="oncePerComputer" label={assignmentLabels.oncePerComputer} />
          <Radio value="oncePerUser" label={assignmentLabels.oncePerUser} disabled={!perUserAllowed} />
        </RadioGroup>
        <MessageLine issue={issues.assignment} reserve={false} />
        {!perUserAllowed && (
          <Text size={200} className={page.note}>
            Run once for every user who logs on needs “Only when a user is logged on” on the Environment page.
          </Text>
        )}
      </GroupFrame>
      <Checkbox
        label="Suppress program notifications"
        checked={draft.suppressNotifications}
        onChange={(_, data) => onChange({ suppressNotifications: data.checked === true })}
      />
      <Checkbox
        label="Disable this program on clients where it is advertised"
        checked={draft.disabled}
        onChange={(_, data) => onChange({ disabled: data.checked === true })}
      />
      <Checkbox
        label="Allow this program to be installed from the Install Software task sequence without being advertised"
        checked={draft.allowTaskSequenceInstall}
        onChange={(_, data) => onChange({ allowTaskSequenceInstall: data.checked === true })}
      />
    </div>
  );
}
