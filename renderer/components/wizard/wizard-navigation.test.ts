import { describe, expect, it } from 'vitest';
import { canJumpTo, pageAfter, pageBefore } from './wizard-navigation';

const pages = ['one', 'two', 'three'] as const;

describe('wizard navigation', () => {
  it('moves one page at a time and stops at the ends', () => {
    expect(pageAfter(pages, 'one')).toBe('two');
    expect(pageAfter(pages, 'three')).toBeNull();
    expect(pageBefore(pages, 'two')).toBe('one');
    expect(pageBefore(pages, 'one')).toBeNull();
  });

  it('lets the rail jump backwards only', () => {
    expect(canJumpTo(pages, 'three', 'one')).toBe(true);
    expect(canJumpTo(pages, 'two', 'two')).toBe(false);
    expect(canJumpTo(pages, 'one', 'three')).toBe(false);
  });
});
