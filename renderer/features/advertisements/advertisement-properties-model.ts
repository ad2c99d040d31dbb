import type { AdvertisementChanges, AdvertisementDto, Schedule } from '../../../core/api';
import { propertiesModel, type ReadyProperties } from '../../components/property-sheet';
import { changedFields, type FieldIssues } from '../programs/settings-rules';
import {
  advertisementFieldLabels,
  advertisementFieldPage,
  advertisementRules,
  assignedSchedulesOf,
  draftFieldOfError,
  draftOfAdvertisement,
  requestOf,
  type AdvertisementDraft,
  type AdvertisementField,
  type AdvertisementPage,
} from './advertisement-draft';

/** An advertisement as its sheet holds it: the DTO, and its AssignedSchedule tokens decoded. */
export interface SavedAdvertisement {
  readonly advertisement: AdvertisementDto;
  readonly schedules: readonly Schedule[];
}

/**
 * What Apply sends: the changed fields, and `schedules` only when the list's schedules changed
 * (encoded to `assignedSchedule` just before the update). Empty when nothing changed.
 */
export type AdvertisementSheetChanges = Omit<AdvertisementChanges, 'assignedSchedule'> & { readonly schedules?: readonly Schedule[] };

export interface AdvertisementPropertiesSpec {
  readonly saved: SavedAdvertisement;
  readonly draft: AdvertisementDraft;
  readonly edit: Partial<AdvertisementDraft>;
  readonly changes: AdvertisementSheetChanges;
  readonly issues: FieldIssues<AdvertisementField>;
  readonly tab: AdvertisementPage;
}

export type ReadyAdvertisementState = ReadyProperties<AdvertisementPropertiesSpec>;

const draftOf = (saved: SavedAdvertisement) => draftOfAdvertisement(saved.advertisement, saved.schedules);

/** Only what the admin changed, so a save never rewrites the bits and fields nobody touched. */
export function sheetChanges(saved: SavedAdvertisement, draft: AdvertisementDraft): AdvertisementSheetChanges {
  const { assignedSchedule: _before, ...before } = requestOf(draftOf(saved), '');
  const { assignedSchedule: _after, ...after } = requestOf(draft, '');
  const fields = changedFields<Omit<AdvertisementChanges, 'assignedSchedule'>>(before, after);
  const wasSchedules = assignedSchedulesOf(draftOf(saved));
  const schedules = assignedSchedulesOf(draft);
  return JSON.stringify(wasSchedules) === JSON.stringify(schedules) ? fields : { ...fields, schedules };
}

/** An advertisement's Properties: the wizard's pages as tabs, with the wizard's rules. */
export const advertisementProperties = propertiesModel<AdvertisementPropertiesSpec>({
  draftOf,
  apply: advertisementRules.apply,
  changes: sheetChanges,
  issues: advertisementRules.issues,
  fieldTabs: () => advertisementFieldPage,
  fieldLabel: (field) => advertisementFieldLabels[field as AdvertisementField] ?? field,
  fieldOfError: (path) => draftFieldOfError(path),
  firstTab: 'general',
});
