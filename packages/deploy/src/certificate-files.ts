import type { GatewaySpecShape } from './gateway.types';

/** A certificate or key the Envoy reads from its file system (local file hosting). */
export interface CertificateFile {
  path: string;
  directory: string;
  basename: string;
  /** Key of the file in the Kubernetes Secret that carries it: the path with `/` as `_`. */
  secretKey: string;
}

/** Every absolute file path the spec's TLS settings name, once each, in spec order. */
export function certificateFiles(spec: GatewaySpecShape): CertificateFile[] {
  const paths: string[] = [];
  for (const listener of spec.listeners) {
    const file = listener.tls?.certificate.file;
    if (file) paths.push(file.certificateChain, file.privateKey);
    const trust = listener.tls?.validation?.trust.file;
    if (trust) paths.push(trust.certificateChain);
  }
  const client = spec.backendDefaults?.clientPolicy?.tls;
  if (client?.certificate?.file)
    paths.push(client.certificate.file.certificateChain, client.certificate.file.privateKey);
  if (client?.validation.trust.file) paths.push(client.validation.trust.file.certificateChain);

  const seen = new Set<string>();
  const files: CertificateFile[] = [];
  for (const path of paths) {
    if (seen.has(path) || !path.startsWith('/') || path.endsWith('/')) continue;
    seen.add(path);
    const cut = path.lastIndexOf('/');
    files.push({
      path,
      directory: cut === 0 ? '/' : path.slice(0, cut),
      basename: path.slice(cut + 1),
      secretKey:
        path
          .slice(1)
          .replace(/\//g, '_')
          .replace(/[^-._a-zA-Z0-9]/g, '-')
          .slice(-253) || 'certificate',
    });
  }
  return files;
}

/** The files grouped by directory (one mount per directory), directories in first-seen order. */
export function byDirectory(files: readonly CertificateFile[]): Map<string, CertificateFile[]> {
  const groups = new Map<string, CertificateFile[]>();
  for (const file of files) groups.set(file.directory, [...(groups.get(file.directory) ?? []), file]);
  return groups;
}
