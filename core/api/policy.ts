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
  readonly materialized: MaterializedPolicyDto;
}

/**
 * The policy Offer Manager stored for the resource (docs/offer-manager.md): what the management
 * point serves, as opposed to `advertisements`, computed now from the collections.
 */
export interface MaterializedPolicyDto {
  /** The site-wide policy version at which this resource's policy last changed; 0 when it never had any. */
  readonly policyVersion: number;
  /** The site-wide policy version: the newest any resource has. */
  readonly sitePolicyVersion: number;
  /** machine for a system, user for users and user groups. */
  readonly kind: 'machine' | 'user';
  /** The advertisements in its stored policy, in ID order. */
  readonly advertisementIds: readonly string[];
  /**
   * Whether the stored policy holds exactly the advertisements above whose package is on a
   * distribution point; false until Offer Manager has processed a change (or while it is not running).
   */
  readonly agrees: boolean;
}
