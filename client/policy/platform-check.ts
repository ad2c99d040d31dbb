/**
 * Whether a program may run on this machine: the rule lives in core/domain, where the site's dry
 * run of an advertisement applies it too, so the two never disagree.
 */
export { platformProblem } from '../../core/domain/platform-check';
