import { expect, type Locator, type Page } from '@playwright/test';
import { columnCell } from './table';

/**
 * A resource's history (the virtual gateway's History tab, the gateway route page's Versions): every
 * kept version, newest first; two selected show a diff; one earlier version can be restored.
 */
export class HistoryPanel {
  constructor(readonly page: Page) {}

  /** The table "Versions". */
  get versionsTable(): Locator {
    return this.page.getByRole('table', { name: 'Versions', exact: true });
  }

  /** The versions heading with its count, e.g. "Versions (3)". */
  get heading(): Locator {
    return this.page.getByRole('heading', { name: /^Versions( \(\d+\))?$/ });
  }

  /** Waits until the heading counts `count` versions. */
  async expectVersionCount(count: number): Promise<void> {
    await expect(this.page.getByRole('heading', { name: `Versions (${count})`, exact: true })).toBeVisible();
  }

  /** The checkbox that selects version `version`. */
  versionCheckbox(version: number): Locator {
    return this.versionsTable.getByRole('checkbox', { name: `Version ${version}`, exact: true });
  }

  /** Selects exactly `versions` (one to restore, two to compare), unselecting the others. */
  async selectVersions(...versions: number[]): Promise<void> {
    const rows = await this.versionsTable.locator('tbody tr').all();
    const numbered = await Promise.all(
      rows.map(async (row) => ({
        row,
        version: Number(((await columnCell(row, 'Version').textContent()) ?? '').trim()),
      })),
    );
    // Unselect first: the table lets two versions at most be selected at once.
    for (const { row, version } of numbered) if (!versions.includes(version)) await row.getByRole('checkbox').uncheck();
    for (const version of versions) await this.versionCheckbox(version).check();
  }

  /** The diff of the two selected versions: one row per changed field. */
  get diff(): Locator {
    return this.page.getByRole('table', { name: /^Changes from version \d+ to version \d+$/ });
  }

  /** The diff's rows (changed fields), without its header row. */
  get diffRows(): Locator {
    return this.diff.locator('tbody tr');
  }

  get restoreButton(): Locator {
    return this.page.getByRole('button', { name: 'Restore this version', exact: true });
  }

  /** The confirmation "Restore version <n>". */
  get restoreDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Restore version \d+$/ });
  }

  /** Selects `version` alone, Restore this version, confirms: the spec of `version` becomes the newest version. */
  async restore(version: number): Promise<void> {
    await this.selectVersions(version);
    await this.restoreButton.click();
    await expect(this.restoreDialog).toBeVisible();
    await this.restoreDialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(this.restoreDialog).toBeHidden();
  }
}
