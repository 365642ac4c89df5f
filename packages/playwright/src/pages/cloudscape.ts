import selectorsPkg from '@cloudscape-design/components/test-utils/selectors';
import formFieldPkg from '@cloudscape-design/components/test-utils/selectors/form-field';

// The test-utils ship as CommonJS: in this ESM package a default import may be the module object.
function interop<T>(pkg: T): T {
  return (pkg as unknown as { default?: T }).default ?? pkg;
}

type CreateWrapper = typeof selectorsPkg;
const createWrapper: CreateWrapper = interop(selectorsPkg);
const FormFieldWrapper = interop(formFieldPkg);

/** Cloudscape test-utils selectors, rooted at `body`. Only page objects import this file. */
/** @internal */
export const cloudscape = createWrapper();

/**
 * Parts of one form field, relative to a located form field (`:scope`), for use inside
 * `locator.filter({ has })` and `locator.locator()`, where a selector rooted at `body` never matches.
 */
/** @internal */
export const formFieldParts = {
  /** Form fields inside the scope. */
  root: createWrapper(':scope').findFormField().toSelector(),
  label: new FormFieldWrapper(':scope').findLabel().toSelector(),
  error: new FormFieldWrapper(':scope').findError().toSelector(),
};

/** An exact label, allowing Cloudscape's "- optional" suffix. */
export function labelPattern(label: string): RegExp {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*${escaped}(\\s*-\\s*optional)?\\s*$`, 'i');
}
