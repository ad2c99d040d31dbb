import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';

/** Kept across runs (unlike test-results/, which Playwright wipes) so a reviewer can look at them. */
export const screenshotDir = resolve(import.meta.dirname, '../../screenshots/e2e');

export async function keepScreenshot(target: Page | Locator, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await target.screenshot({ path: join(screenshotDir, `${name}.png`), animations: 'disabled' });
}
