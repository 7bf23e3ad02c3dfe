import type { Page } from 'playwright-core';

const CONTROL_ROLES = ['button', 'link', 'radio', 'checkbox', 'textbox', 'combobox', 'switch', 'menuitem', 'tab'];

/**
 * Every interactive control in the accessibility tree of the visible page
 * that has no accessible name, as its line of Playwright's ARIA snapshot
 * (`- button "Add client"` has one, `- button` does not).
 */
export async function unnamedControls(page: Page): Promise<string[]> {
  const snapshot = await page.locator('body').ariaSnapshot();
  const unnamed = new RegExp(`^\\s*- (${CONTROL_ROLES.join('|')})(?:\\s*\\[[^\\]]*\\])*\\s*:?\\s*$`);
  return snapshot.split('\n').filter((line) => unnamed.test(line));
}

/** How many buttons the snapshot holds, so a test can tell "all named" from "none found". */
export async function countButtons(page: Page): Promise<number> {
  const snapshot = await page.locator('body').ariaSnapshot();
  return snapshot.split('\n').filter((line) => /^\s*- button\b/.test(line)).length;
}
