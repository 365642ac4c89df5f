import { expect, type Locator, type Page } from '@playwright/test';
import { cloudscape, labelPattern } from './cloudscape';

const CONTAINER = cloudscape.findContainer().toSelector();
const TAG_EDITOR = cloudscape.findModal().findContent().findTagEditor();

// What the details pages share (their page objects expose these as methods).

/** The innermost container whose header reads `title` (a "- optional" suffix or a counter allowed). */
export function containerTitled(page: Page, title: string): Locator {
  const heading = new RegExp(`${labelPattern(title).source.slice(0, -1)}(\\s*\\(\\d+\\))?\\s*$`, 'i');
  return page
    .locator(CONTAINER)
    .filter({ has: page.getByRole('heading', { name: heading }) })
    .last();
}

/** The value shown beside a key (Cloudscape KeyValuePairs: `dt` / `dd`). */
export function keyValue(scope: Locator | Page, key: string): Locator {
  return scope
    .locator('dt')
    .filter({ hasText: labelPattern(key) })
    .first()
    .locator('xpath=following-sibling::dd[1]');
}

/** Manage tags: adds one tag in the tag editor and saves (the Tags panel must be on screen). */
export async function addTagWithEditor(page: Page, key: string, value: string): Promise<void> {
  await page.getByRole('button', { name: 'Manage tags', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Manage tags' });
  await expect(dialog).toBeVisible();
  const before = await page.locator(TAG_EDITOR.findRows().toSelector()).count();
  await page.locator(TAG_EDITOR.findAddButton().toSelector()).click();
  const row = TAG_EDITOR.findRow(before + 1);
  await page.locator(row.findField(1).findControl().find('input').toSelector()).fill(key);
  await page.locator(row.findField(2).findControl().find('input').toSelector()).fill(value);
  await dialog.getByRole('button', { name: 'Save changes', exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** The Tags table's row of tag `key`. */
export function tagRowIn(tagsTable: Locator, key: string): Locator {
  return tagsTable
    .locator('tbody tr')
    .filter({ has: tagsTable.page().getByRole('rowheader', { name: key, exact: true }) });
}
