/**
 * Identifiers for resource labels (Terraform) and logical ids (CloudFormation), unique within one export.
 * Names are hostile: only the allowed characters survive, and a collision gets a numeric suffix.
 */
export class IdentifierSet {
  private readonly used = new Set<string>();

  constructor(private readonly style: 'snake' | 'pascal') {}

  take(...parts: string[]): string {
    const base = this.style === 'snake' ? snake(parts) : pascal(parts);
    let id = base;
    for (let n = 2; this.used.has(id.toLowerCase()); n++) id = `${base}${this.style === 'snake' ? '_' : ''}${n}`;
    this.used.add(id.toLowerCase());
    return id;
  }
}

function words(parts: string[]): string[] {
  return parts.flatMap((p) => p.split(/[^A-Za-z0-9]+/)).filter((w) => w !== '');
}

/** `catalog.demo.local` -> `catalog_demo_local`; starts with a letter (HCL identifiers). */
function snake(parts: string[]): string {
  const id = words(parts).join('_').toLowerCase().slice(0, 64) || 'resource';
  return /^[a-z]/.test(id) ? id : `r_${id}`;
}

/** `catalog.demo.local` -> `CatalogDemoLocal`; CloudFormation logical ids are alphanumeric, up to 255. */
function pascal(parts: string[]): string {
  const id =
    words(parts)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('')
      .slice(0, 200) || 'Resource';
  return /^[A-Za-z]/.test(id) ? id : `R${id}`;
}
