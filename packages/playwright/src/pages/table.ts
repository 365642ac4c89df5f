import type { Locator } from '@playwright/test';

/** `text` as an XPath 1.0 string literal (XPath has no escapes: a text with both quotes is a concat()). */
function xpathLiteral(text: string): string {
  if (!text.includes('"')) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return `concat(${text
    .split('"')
    .map((part) => `"${part}"`)
    .join(`, '"', `)})`;
}

/**
 * The cell of a table row under the column headed `header` (the header's text, exactly), counted from
 * the row's own table, so hidden or reordered columns (Preferences) are followed. Empty when the table
 * has no such column.
 */
export function columnCell(row: Locator, header: string): Locator {
  const th = `ancestor::table[1]/thead/tr/th[normalize-space(.)=${xpathLiteral(header)}]`;
  return row.locator(`xpath=./*[${th}][position() = count(${th}/preceding-sibling::*) + 1]`).first();
}

/** `text` with every RegExp metacharacter escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
