import type { Locator, Page } from '@playwright/test';
import { cloudscape, formFieldParts, labelPattern } from './cloudscape';
import { ConsoleShellPage } from './console-shell.page';

const FORM_FIELD_ERROR = cloudscape.findFormField().findError().toSelector();

/** A Select option's accessible name: maybe "Selected", its label, then maybe its description. */
function optionPattern(option: string): RegExp {
  return new RegExp(`^(Selected )?${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`);
}

/** What every console form shares: fields by label, their errors, selects, radios, lists. */
export class ConsoleFormPage extends ConsoleShellPage {
  constructor(page: Page) {
    super(page);
  }

  /** A text or number input by its label (", - optional" allowed), optionally inside a section. */
  input(label: string, scope: Locator | Page = this.page): Locator {
    const name = labelPattern(label);
    return scope.getByRole('textbox', { name }).or(scope.getByRole('spinbutton', { name }));
  }

  /** The first Cloudscape form field in `scope` whose label reads `label`. */
  formField(label: string, scope: Locator | Page = this.page): Locator {
    return scope
      .locator(formFieldParts.root)
      .filter({ has: this.page.locator(formFieldParts.label).filter({ hasText: labelPattern(label) }) })
      .first();
  }

  /** The input of row `index` (0-based) of a repeatable list, labelled "<label> <n>". */
  listInput(label: string, index: number, scope: Locator | Page = this.page): Locator {
    return scope.getByRole('textbox', { name: `${label} ${index + 1}`, exact: true });
  }

  /** The error shown under row `index` of a repeatable list. */
  listError(label: string, index: number, scope: Locator | Page = this.page): Locator {
    return scope
      .locator(formFieldParts.root)
      .filter({ has: this.listInput(label, index, this.page) })
      .locator(formFieldParts.error)
      .first();
  }

  /** The error text shown at a field. */
  fieldError(label: string, scope: Locator | Page = this.page): Locator {
    return this.formField(label, scope).locator(formFieldParts.error).first();
  }

  /** Every field error on the page. */
  get fieldErrors(): Locator {
    return this.page.locator(FORM_FIELD_ERROR);
  }

  async fill(label: string, value: string | number, scope: Locator | Page = this.page): Promise<void> {
    const control = this.input(label, scope).first();
    await control.fill(String(value));
    // Leave the field as a keyboard user does: its on-blur validation settles (and may move the
    // fields below) before the next action.
    await control.blur();
  }

  /** Checks or unchecks a checkbox or toggle by its label. */
  async setChecked(label: string, checked: boolean, scope: Locator | Page = this.page): Promise<void> {
    const name = labelPattern(label);
    const box = scope.getByRole('checkbox', { name }).or(scope.getByRole('switch', { name })).first();
    await box.setChecked(checked);
  }

  /**
   * Chooses `option` for the field `label`: a radio group item, or a Cloudscape Select (a button
   * that opens a listbox; an option's name may go on with its description).
   */
  async choose(label: string, option: string, scope: Locator | Page = this.page): Promise<void> {
    const field = this.formField(label, scope);
    const radio = field.getByRole('radio', { name: option, exact: true });
    if ((await radio.count()) > 0) {
      await radio.check();
      return;
    }
    await field.getByRole('button').first().click();
    await this.page.getByRole('option', { name: optionPattern(option) }).click();
  }

  /** Fills a repeatable list (Attribute editor): adds rows with `addLabel`, types each value. */
  async fillList(label: string, addLabel: string, values: ReadonlyArray<string>, scope: Locator): Promise<void> {
    for (const [i, value] of values.entries()) {
      const row = this.listInput(label, i, scope);
      if ((await row.count()) === 0) await scope.getByRole('button', { name: addLabel, exact: true }).click();
      await row.fill(value);
      // Leave the row the way a keyboard user does, so its validation settles before the next action.
      await row.blur();
    }
  }
}
