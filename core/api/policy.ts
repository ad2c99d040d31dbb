import { z } from 'zod';
import type { AdvertisementDto } from './advertisements';
import { resourceIdSchema, type ResourceDto } from './resources';
import { requiredText } from './text';

/**
 * What a resource would receive now (docs/advertisements.md#what-a-resource-receives): the
 * advertisements that reach it through the collection tree, and why.
 */
export const policyShowSchema = z.strictObject({
  /** A resource ID, or a resource's name (any case). */
  resource: z.union([resourceIdSchema, requiredText('The resource', 256)]),
});

/** Why the resource is a member of the collection an advertisement reaches it through. */
export interface PolicyRuleDto {
  /** builtIn: every resource of its type; membership: members as of the last update, no rule matches it now. */
  readonly kind: 'direct' | 'query' | 'builtIn' | 'membership';
  readonly ruleName: string | null;
  readonly description: string;
}

export interface PolicyPathStepDto {
  readonly collectionId: string;
  readonly name: string;
}

export interface PolicyReasonDto {
  /** The collection the resource is a member of: the advertised one or one below it. */
  readonly collectionId: string;
  readonly collectionName: string;
  /** From the advertised collection down to collectionId (one step when it is the advertised one). */
  readonly path: readonly PolicyPathStepDto[];
  readonly rule: PolicyRuleDto;
}

export interface PolicyAdvertisementDto {
  readonly advertisement: AdvertisementDto;
  readonly reasons: readonly PolicyReasonDto[];
}

/** The resource as its ID and type, and its name as stored. */
export interface PolicyDto extends Pick<ResourceDto, 'resourceId' | 'resourceType'> {
  readonly resourceName: string;
  /** In advertisement ID order. */
  readonly advertisements: readonly PolicyAdvertisementDto[];
}
