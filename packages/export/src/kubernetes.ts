import { toK8sName, yamlDocument } from '@meshconsole/deploy';

/** Several YAML documents in one file, each with its optional comment. */
export function yamlStream(docs: { value: unknown; comment?: string }[]): string {
  return docs.map((d) => yamlDocument(d.value, d.comment)).join('---\n');
}

/** Kubernetes names for one export: DNS labels from App Mesh names, unique per kind. */
export class K8sNames {
  private readonly used = new Map<string, Set<string>>();

  take(kind: string, ...parts: string[]): string {
    const set = this.used.get(kind) ?? new Set<string>();
    this.used.set(kind, set);
    const base = toK8sName(parts.join('-'), 58);
    let name = base;
    for (let n = 2; set.has(name); n++) name = `${base}-${n}`;
    set.add(name);
    return name;
  }
}
