import { z } from 'zod';

export interface NumberLimits {
  readonly min: number;
  readonly max: number;
}

/** A whole-number setting with the suite's range, refused with its label and range ("… must be from 1 to 50."). */
export function boundedWholeNumber(label: string, limits: NumberLimits) {
  const range = `from ${limits.min} to ${limits.max}`;
  return z
    .number({ error: `${label} is a whole number ${range}.` })
    .int(`${label} is a whole number ${range}.`)
    .min(limits.min, `${label} must be ${range}.`)
    .max(limits.max, `${label} must be ${range}.`);
}
