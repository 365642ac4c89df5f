import { Document } from 'yaml';

/** One YAML document with an optional leading comment; keys keep insertion order. */
export function yamlDocument(value: unknown, comment?: string): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  if (comment)
    doc.commentBefore = comment
      .split('\n')
      .map((line) => (line === '' ? '' : ` ${line}`))
      .join('\n');
  return doc.toString({ lineWidth: 0 });
}

/** Removes keys whose value is undefined (the YAML and JSON writers would otherwise differ). */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
