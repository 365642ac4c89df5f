import { type Download, expect, type Locator, type Page } from '@playwright/test';
import { codeViewText } from './virtual-gateway-form.page';

/** The Export modal's tabs, one per format. */
export type ExportFormatLabel = 'Terraform' | 'CloudFormation' | 'App Mesh controller' | 'Gateway API';

/**
 * The Export modal: **Export** on the virtual gateways page (the whole mesh: "Export mesh <mesh>") or on a
 * virtual gateway's page (that gateway, its routes and their services: "Export virtual gateway <name>");
 * one tab per format, each with its files (Copy, Download) and what does not translate.
 */
export class ExportModal {
  constructor(readonly page: Page) {}

  /** The page's Export button. */
  get openButton(): Locator {
    return this.page.getByRole('button', { name: 'Export', exact: true });
  }

  /** The modal, whichever scope it exports. */
  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Export (mesh|virtual gateway) / });
  }

  /** The modal's title, e.g. "Export mesh shop" or "Export virtual gateway edge". */
  get title(): Locator {
    return this.dialog.getByRole('heading', { name: /^Export (mesh|virtual gateway) / });
  }

  /** Export on the page; waits until the modal shows the first format's files. */
  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.dialog).toBeVisible();
    await expect(this.files.first()).toBeVisible();
  }

  tab(format: ExportFormatLabel): Locator {
    return this.dialog.getByRole('tab', { name: format, exact: true });
  }

  /** Opens the tab of `format` and waits for its files. */
  async openTab(format: ExportFormatLabel): Promise<void> {
    await this.tab(format).click();
    await expect(this.tab(format)).toHaveAttribute('aria-selected', 'true');
    await expect(this.dialog.getByRole('tabpanel', { name: format })).toBeVisible();
    await expect(this.files.first()).toBeVisible();
  }

  /** Every file of the open tab (a container with the file's name, Copy, Download and the content). */
  get files(): Locator {
    return this.dialog.getByTestId('export-file');
  }

  /** The file named `path` (e.g. "main.tf", "template.yaml") of the open tab. */
  file(path: string): Locator {
    return this.files.filter({ has: this.page.getByRole('heading', { name: path, exact: true }) });
  }

  /** The text of the file `path` (its code view's lines). */
  async fileText(path: string): Promise<string> {
    return codeViewText(this.file(path).getByRole('region', { name: path, exact: true }));
  }

  copyButton(path: string): Locator {
    return this.dialog.getByRole('button', { name: `Copy ${path}`, exact: true });
  }

  downloadButton(path: string): Locator {
    return this.dialog.getByRole('button', { name: `Download ${path}`, exact: true });
  }

  /** Copy: puts the file's text on the clipboard (the context needs clipboard permissions to read it back). */
  async copy(path: string): Promise<void> {
    await this.copyButton(path).click();
  }

  /** Download: resolves to the download (its `suggestedFilename()` is `path`). */
  async download(path: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.downloadButton(path).click();
    return await download;
  }

  /** The table "Not translated to <format>" of the open tab. */
  get untranslated(): Locator {
    return this.dialog.getByTestId('export-untranslated');
  }

  /** Its rows, one per untranslated field (none when everything translates). */
  get untranslatedRows(): Locator {
    return this.untranslated.locator('tbody tr').filter({ hasNot: this.page.getByText('Everything translates') });
  }

  /** The Resource column of the untranslated rows, in order. */
  async untranslatedResources(): Promise<string[]> {
    return (await this.untranslatedRows.locator('td:first-child').allInnerTexts()).map((t) => t.trim());
  }

  get closeButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Close', exact: true });
  }

  /** Close: the modal closes. */
  async close(): Promise<void> {
    await this.closeButton.click();
    await expect(this.dialog).toBeHidden();
  }
}
