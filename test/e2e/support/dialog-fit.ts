import { expect, type Locator } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A control the page shows that an admin cannot reach: clipped by the page's box, or past it with nothing to scroll. */
export interface Unreachable {
  readonly control: string;
  readonly why: string;
}

/**
 * Checks in the real layout that every control of a dialog's page can be reached: it scrolls each
 * one into view inside the page body and checks the whole of it then lies inside the body's box.
 * A body taller than its box must scroll (overflow auto or scroll), so its scrollbar shows.
 * The footer's buttons must be inside the dialog whatever the page holds.
 */
export async function expectPageFits(dialog: Locator, body: Locator): Promise<void> {
  await layoutSettled(dialog);
  const problems = await body.evaluate((scroller): Unreachable[] => {
    const found: Unreachable[] = [];
    const style = getComputedStyle(scroller);
    const overflows = scroller.scrollHeight > scroller.clientHeight + 1;
    if (overflows && !['auto', 'scroll'].includes(style.overflowY)) {
      found.push({ control: '(page)', why: `taller than its box (${scroller.scrollHeight} > ${scroller.clientHeight}) and overflow-y is ${style.overflowY}` });
    }
    if (scroller.scrollWidth > scroller.clientWidth + 1) {
      found.push({ control: '(page)', why: `wider than its box (${scroller.scrollWidth} > ${scroller.clientWidth})` });
    }
    const selector = 'input:not([type="hidden"]), textarea, button, [role="combobox"], [role="radio"], [role="checkbox"], [role="grid"], [role="listbox"], label';
    const name = (element: Element) =>
      element.getAttribute('aria-label') ??
      (element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent : null) ??
      element.closest('label')?.textContent ??
      (element.textContent?.trim() || element.tagName.toLowerCase());
    for (const element of Array.from(scroller.querySelectorAll<HTMLElement>(selector))) {
      const own = element.getBoundingClientRect();
      // Fluent hides the native input of a check box or option under its indicator: the indicator is what is clicked.
      if (own.width === 0 || own.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
      if (getComputedStyle(element).opacity === '0') continue;
      element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const box = scroller.getBoundingClientRect();
      const rect = element.getBoundingClientRect();
      const inside = rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1 && rect.left >= box.left - 1 && rect.right <= box.right + 1;
      if (!inside) {
        found.push({
          control: String(name(element)).slice(0, 80),
          why: `at ${Math.round(rect.left)},${Math.round(rect.top)}–${Math.round(rect.right)},${Math.round(rect.bottom)} outside the page ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)} after scrolling to it`,
        });
      }
    }
    scroller.scrollTop = 0;
    // Only the page body scrolls: had the dialog itself been scrolled to show a control, its
    // title or footer would be what is cut.
    for (let box = scroller.parentElement; box !== null && box !== document.body; box = box.parentElement) {
      if (box.scrollTop !== 0) found.push({ control: '(dialog)', why: `${box.className.split(' ')[0] || box.tagName} scrolled by ${box.scrollTop} px: the page is taller than the dialog leaves it` });
      box.scrollTop = 0;
    }
    return found;
  });
  expect(problems, 'every control of the page can be scrolled into view').toEqual([]);

  // The title keeps its height whatever the page holds: a tall page scrolls, it does not squeeze the title.
  const title = dialog.locator('h2').first();
  const cut = await title.evaluate((element) => element.scrollHeight - element.clientHeight);
  expect(cut, 'the title is not squeezed by the page').toBeLessThanOrEqual(1);

  const dialogBox = await dialog.boundingBox();
  expect(dialogBox).not.toBeNull();
  for (const button of await dialog.locator(':scope button').filter({ visible: true }).all()) {
    const inPage = await button.evaluate((element, scroller) => scroller.contains(element), await body.elementHandle());
    if (inPage) continue;
    const box = await button.boundingBox();
    if (box === null || dialogBox === null) continue;
    expect(box.y + box.height, `${await button.textContent()} inside the dialog`).toBeLessThanOrEqual(dialogBox.y + dialogBox.height + 1);
    expect(box.x + box.width).toBeLessThanOrEqual(dialogBox.x + dialogBox.width + 1);
  }
}

/**
 * Waits until the dialog is laid out for good: its fonts loaded, its own animations (Fluent's
 * open motion scales and moves the surface) finished, and its box and every button's box the
 * same over two animation frames running. Measured any earlier, on a loaded machine, a button can
 * be read mid-motion, pixels away from where it comes to rest.
 */
export async function layoutSettled(dialog: Locator, timeoutMs = 10_000): Promise<void> {
  await dialog.evaluate(async (surface, timeout) => {
    const deadline = performance.now() + timeout;
    const left = () => Math.max(0, deadline - performance.now());
    const within = <T>(work: Promise<T>) => Promise.race([work, new Promise<void>((done) => setTimeout(done, left()))]);
    await within(document.fonts.ready);
    const boxes = () =>
      [surface, ...Array.from(surface.querySelectorAll('button'))]
        .map((element) => {
          const r = element.getBoundingClientRect();
          return `${r.x},${r.y},${r.width},${r.height}`;
        })
        .join(' ');
    const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
    // Only animations that end: a spinner's turn never does.
    const ending = () =>
      document.getAnimations().filter((animation) => {
        const target = animation.effect instanceof KeyframeEffect ? animation.effect.target : null;
        const related = target !== null && (surface.contains(target) || target.contains(surface));
        return related && animation.playState !== 'finished' && Number.isFinite(animation.effect?.getComputedTiming().endTime ?? Infinity);
      });
    let last = boxes();
    for (let same = 0; same < 2; ) {
      await within(Promise.all(ending().map((animation) => animation.finished.catch(() => undefined))));
      await frame();
      const now = boxes();
      same = now === last ? same + 1 : 0;
      last = now;
      if (left() === 0) throw new Error(`The dialog's layout did not settle within ${timeout} ms: its boxes still move (${now}).`);
    }
  }, timeoutMs);
}

/** Where `npm run screenshots` keeps the dialogs' pictures (committed, so a reviewer sees them). */
const dialogScreenshotDir = resolve(import.meta.dirname, '../../screenshots/dialogs');

/** Only `npm run screenshots` writes them: an ordinary e2e run leaves the committed pictures alone. */
export const takingScreenshots = process.env.COURIER_SCREENSHOTS === '1';

export async function dialogScreenshot(dialog: Locator, scheme: 'light' | 'dark', name: string): Promise<void> {
  if (!takingScreenshots) return;
  const folder = join(dialogScreenshotDir, scheme);
  mkdirSync(folder, { recursive: true });
  await dialog.screenshot({ path: join(folder, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

/**
 * The compact density of the suite's dialogs: a page's fields are Fluent's small size (24 px),
 * while the footer's buttons keep Fluent's own size, the touch target it asks of dialog buttons.
 */
export async function expectCompactDensity(dialog: Locator, body: Locator): Promise<void> {
  const tall = await body.evaluate((scroller) =>
    Array.from(scroller.querySelectorAll<HTMLElement>('.fui-Input, .fui-SpinButton, .fui-Dropdown, .fui-Combobox'))
      .filter((control) => control.getBoundingClientRect().height > 0)
      .filter((control) => control.getBoundingClientRect().height > 26)
      .map((control) => `${control.className.split(' ')[0]} "${control.querySelector('input, button')?.getAttribute('aria-label') ?? control.textContent ?? ''}" ${Math.round(control.getBoundingClientRect().height)} px`),
  );
  expect(tall, "a page's fields are Fluent's small size").toEqual([]);
  for (const button of await dialog.getByRole('button', { name: /^(OK|Cancel|Next >|Close)$/ }).filter({ visible: true }).all()) {
    const inPage = await button.evaluate((element, scroller) => scroller?.contains(element) ?? false, await body.elementHandle());
    if (inPage) continue;
    expect((await button.boundingBox())?.height ?? 0, 'a dialog button keeps its touch target').toBeGreaterThanOrEqual(32);
  }
}
