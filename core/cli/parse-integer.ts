import { InvalidArgumentError } from 'commander';

/**
 * Whole numbers only: `Number.parseInt('5x')` would quietly give 5, and a script that typed
 * the wrong thing should hear about it. The range is the core's to check.
 */
export function parseWholeNumber(text: string): number {
  if (!/^\d{1,9}$/.test(text.trim())) throw new InvalidArgumentError('It must be a whole number, for example 5.');
  return Number(text.trim());
}
