import { MegaphoneRegular, PhoneRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AdvertisementDto, ApiResult } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { SettingsWizard } from '../programs/settings-wizard';
import {
  advertisementRules,
  assignedSchedulesOf,
  draftFieldOfError,
  newAdvertisementDraft,
  requestOf,
  type AdvertisementDraft,
  type AdvertisementKind,
  type AdvertisementPage,
} from './advertisement-draft';
import { AdvertisementSettingsPage } from './advertisement-settings-page';
import { advertisementSummary, createdAdvertisementRows } from './advertisement-summary';
import type { AdvertisementStart } from './advertisements-kinds';
import { assignedScheduleOf } from './assigned-schedule-request';
import { useSummaryNames } from './use-summary-names';

export interface NewAdvertisementWizardProps {
  /** What the wizard starts with: a program when opened from one. */
  readonly start: AdvertisementStart;
  /** New Advertisement (programs for computers) or New Advertisement For Device. */
  readonly kind?: AdvertisementKind;
  readonly onClose: () => void;
  readonly onCreated?: (advertisement: AdvertisementDto) => void;
}

/** A refusal names the contract's field; the wizard names the page's (the assignments list for atLogoff). */
function withDraftField<T>(result: ApiResult<T>): ApiResult<T> {
  if (result.ok) return result;
  const field = draftFieldOfError(result.error.field);
  return field === undefined ? result : { ok: false, error: { ...result.error, field } };
}

/**
 * The New Advertisement Wizard (docs/advertisements.md#the-console): General, Schedule,
 * Distribution Points, Interaction, Security, Summary and Confirmation. Summary's Next encodes the
 * assigned schedules and creates the advertisement; Confirmation names its new ID. With `kind:
 * 'device'` it is the New Advertisement For Device Wizard: the same pages, with only what a
 * device advertisement has, and the same request (the program makes it one for devices).
 */
export function NewAdvertisementWizard({ start, kind = 'computer', onClose, onCreated }: NewAdvertisementWizardProps) {
  const courier = useCourier();
  const names = useSummaryNames();
  const [initialDraft] = useState(() => newAdvertisementDraft(start, new Date(), kind));
  const forDevices = kind === 'device';

  async function create(draft: AdvertisementDraft): Promise<ApiResult<AdvertisementDto>> {
    const tokens = await assignedScheduleOf(courier, assignedSchedulesOf(draft));
    if (!tokens.ok) return withDraftField<AdvertisementDto>({ ok: false, error: tokens.error });
    return withDraftField(await courier['advertisements:create'](requestOf(draft, tokens.value)));
  }

  return (
    <SettingsWizard<AdvertisementDraft, AdvertisementPage, AdvertisementDto>
      open
      title={forDevices ? 'New Advertisement For Device Wizard' : 'New Advertisement Wizard'}
      icon={forDevices ? <PhoneRegular /> : <MegaphoneRegular />}
      rules={advertisementRules}
      initialDraft={initialDraft}
      renderPage={(page, props) => <AdvertisementSettingsPage page={page} {...props} />}
      summary={(draft) => advertisementSummary(draft, names)}
      summaryIntro={`The wizard will create an advertisement${forDevices ? ' for devices' : ''} with these settings. Click Next to create it.`}
      busyLabel="Creating the advertisement…"
      notDone="The advertisement was not created."
      create={create}
      createdRows={createdAdvertisementRows}
      onCreated={onCreated}
      onClose={onClose}
    />
  );
}
