import { describe, expect, it } from 'vitest';
import { problemParts } from './footer-problem';

describe('the footer names the field a problem is on', () => {
  it('puts the label before a message that does not name it', () => {
    expect(problemParts('Must be 1 to 120 hours.', 'User grace period')).toEqual({ link: 'User grace period', rest: ': Must be 1 to 120 hours.' });
  });

  it('does not say the label twice when the message begins with it', () => {
    expect(problemParts('Name is required.', 'Name')).toEqual({ link: 'Name', rest: ' is required.' });
    // A longer word that only starts like the label is not the label.
    expect(problemParts('Names must differ.', 'Name')).toEqual({ link: 'Name', rest: ': Names must differ.' });
  });

  it('gives only the message when there is no field', () => {
    expect(problemParts('The site refused.', undefined)).toEqual({ rest: 'The site refused.' });
  });
});
