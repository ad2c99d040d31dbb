import { describe, expect, it } from 'vitest';
import { entersDefault } from './default-button';

function surfaceWith(html: string): { surface: HTMLElement; target: Element } {
  const surface = document.createElement('div');
  surface.innerHTML = html;
  document.body.append(surface);
  const target = surface.querySelector('[data-target]');
  if (target === null) throw new Error('no target');
  return { surface, target };
}

describe('Enter presses the default button', () => {
  it('from a text field, a number and a check box', () => {
    for (const html of ['<input data-target type="text">', '<input data-target role="spinbutton">', '<input data-target type="checkbox">']) {
      const { surface, target } = surfaceWith(html);
      expect(entersDefault(target, surface), html).toBe(true);
    }
  });

  it('not from a multi-line field, but from a wrapping one-line one (a comment)', () => {
    const multi = surfaceWith('<textarea data-target></textarea>');
    expect(entersDefault(multi.target, multi.surface)).toBe(false);
    const oneLine = surfaceWith('<textarea data-target data-one-line></textarea>');
    expect(entersDefault(oneLine.target, oneLine.surface)).toBe(true);
  });

  it('not from a button, an open drop-down, a field with its own form, or another dialog', () => {
    const button = surfaceWith('<button data-target>Browse…</button>');
    expect(entersDefault(button.target, button.surface)).toBe(false);
    const open = surfaceWith('<input data-target role="combobox" aria-expanded="true">');
    expect(entersDefault(open.target, open.surface)).toBe(false);
    const form = surfaceWith('<form><input data-target type="text"><button>Open</button></form>');
    expect(entersDefault(form.target, form.surface)).toBe(false);
    const elsewhere = surfaceWith('<input data-target type="text">');
    expect(entersDefault(elsewhere.target, document.createElement('div'))).toBe(false);
  });
});
