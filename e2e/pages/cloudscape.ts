import selectorsPkg from '@cloudscape-design/components/test-utils/selectors';

// The test-utils ship as CommonJS: in this ESM package the default import is the module object.
type CreateWrapper = typeof selectorsPkg;
const createWrapper: CreateWrapper =
  (selectorsPkg as unknown as { default?: CreateWrapper }).default ?? (selectorsPkg as CreateWrapper);

/** Cloudscape test-utils selectors, rooted at `body`. Only page objects import this file. */
export const cloudscape = createWrapper();
export { createWrapper };

/** An exact label, allowing Cloudscape's "- optional" suffix. */
export function labelPattern(label: string): RegExp {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*${escaped}(\\s*-\\s*optional)?\\s*$`, 'i');
}
