import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FakeConsoleApi } from '../../../test/fake-console-api';
import { eventually, renderConsole, startFakeConsoleApi } from '../../../test/render';
import { MESH, seedRoute, seedService } from '../../../test/seed';

const WAIT = 8000;

/** ingress-gw (http on 8080, with a connection pool) routing /chapter to books.local; other-gw beside it. */
async function seeded(): Promise<FakeConsoleApi> {
  const api = await startFakeConsoleApi();
  await api.mesh.createVirtualGateway({
    meshName: MESH,
    virtualGatewayName: 'ingress-gw',
    spec: {
      listeners: [{ portMapping: { port: 8080, protocol: 'http' }, connectionPool: { http: { maxConnections: 100 } } }],
    },
  });
  await api.mesh.createVirtualGateway({
    meshName: MESH,
    virtualGatewayName: 'other-gw',
    spec: { listeners: [{ portMapping: { port: 9090, protocol: 'http' } }] },
  });
  await seedService(api, 'books.local');
  await seedRoute(api, 'ingress-gw', 'chapter', '/chapter', 'books.local');
  return api;
}

const body = () => createWrapper(document.body);
const modal = () => body().findModal('[data-testid="export-modal"]');
/** The modal's content, where Cloudscape's finders work. */
const inModal = () => modal()!.findContent();
const exportCalls = (api: FakeConsoleApi) => api.calls().filter((c) => c.includes('/export?'));
const fileText = () =>
  modal()
    ?.findContent()
    .findAll('[data-testid="export-file"]')
    .map((f) => f.getElement().textContent ?? '');

/** jsdom's Blob has no text(): read it as a browser would before that existed. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

async function openExport(container: HTMLElement) {
  await eventually(() => expect(createWrapper(container).findButton('[data-testid="export"]')).toBeTruthy(), WAIT);
  createWrapper(container).findButton('[data-testid="export"]')!.click();
  await eventually(() => expect(fileText()?.length).toBe(1), WAIT);
}

// The modal loads on demand; load its module once so each test only waits for data.
beforeAll(async () => {
  await import('./export-modal');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Export', () => {
  it('when Export is chosen on the virtual gateways page, then the whole mesh shows as Terraform, and each tab asks for its format', async () => {
    const api = await seeded();
    const { container } = renderConsole('/meshes/demo-mesh/virtual-gateways');
    await openExport(container);
    expect(modal()!.findHeader().getElement().textContent).toBe('Export mesh demo-mesh');
    expect(exportCalls(api)).toEqual(['GET /api/meshes/demo-mesh/export?format=terraform']);
    const [terraform] = fileText()!;
    expect(terraform).toContain('main.tf');
    expect(terraform).toContain('resource "aws_appmesh_virtual_gateway"');
    expect(terraform).toContain('"ingress-gw"');
    expect(terraform).toContain('"other-gw"');

    const tabs = inModal().findTabs()!;
    expect(tabs.findTabLinks().map((t) => t.getElement().textContent)).toEqual([
      'Terraform',
      'CloudFormation',
      'App Mesh controller',
      'Gateway API',
    ]);
    tabs.findTabLinkByIndex(4)!.click();
    await eventually(() => expect(fileText()?.[0]).toContain('gateway-api.yaml'), WAIT);
    expect(fileText()![0]).toContain('kind: HTTPRoute');
    expect(exportCalls(api)).toContain('GET /api/meshes/demo-mesh/export?format=gateway-api');

    // Beside the files: what Gateway API cannot say, resource by resource.
    const untranslated = inModal().findTable('[data-testid="export-untranslated"]')!;
    const rows = untranslated.findRows().map((r) => r.getElement().textContent ?? '');
    expect(rows.some((r) => r.includes('virtualGateway/ingress-gw') && r.includes('listeners.0.connectionPool'))).toBe(
      true,
    );
    expect(untranslated.findHeaderSlot()!.getElement().textContent).toContain(`(${rows.length})`);
  });

  it('when Export is chosen on a gateway details page, then only that gateway, its routes and their services are exported', async () => {
    const api = await seeded();
    const { container } = renderConsole('/meshes/demo-mesh/virtual-gateways/ingress-gw');
    await openExport(container);
    expect(modal()!.findHeader().getElement().textContent).toBe('Export virtual gateway ingress-gw');
    expect(exportCalls(api)).toEqual(['GET /api/meshes/demo-mesh/export?format=terraform&virtualGateway=ingress-gw']);
    const [terraform] = fileText()!;
    expect(terraform).toContain('"ingress-gw"');
    expect(terraform).toContain('"books.local"');
    expect(terraform).not.toContain('other-gw');
  });

  it('when a format translates every field, then the untranslated list says so', async () => {
    const api = await startFakeConsoleApi();
    await api.mesh.createVirtualGateway({
      meshName: MESH,
      virtualGatewayName: 'plain-gw',
      spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    });
    const { container } = renderConsole('/meshes/demo-mesh/virtual-gateways/plain-gw');
    await openExport(container);
    const untranslated = inModal().findTable('[data-testid="export-untranslated"]')!;
    expect(untranslated.findRows()).toHaveLength(0);
    expect(untranslated.findEmptySlot()!.getElement().textContent).toContain('Everything translates');
  });

  it('when the export fails, then the error names what failed with the server message, and Retry loads it', async () => {
    const api = await seeded();
    api.failNext(
      'GET',
      '/api/meshes/demo-mesh/export',
      { code: 'ServiceUnavailableException', message: 'The store did not answer in time.' },
      503,
    );
    const { container } = renderConsole('/meshes/demo-mesh/virtual-gateways');
    await eventually(() => expect(createWrapper(container).findButton('[data-testid="export"]')).toBeTruthy(), WAIT);
    createWrapper(container).findButton('[data-testid="export"]')!.click();
    await eventually(() => expect(modal()?.findContent().findAlert()).toBeTruthy(), WAIT);
    const alert = inModal().findAlert()!;
    expect(alert.findHeader()!.getElement().textContent).toBe("Couldn't export mesh demo-mesh as Terraform");
    expect(alert.findContent().getElement().textContent).toContain('The store did not answer in time.');
    inModal().findButton('[data-testid="retry"]')!.click();
    await eventually(() => expect(fileText()?.[0]).toContain('"ingress-gw"'), WAIT);
    expect(exportCalls(api)).toHaveLength(2);
  });

  it('when Download is chosen, then the file is saved under its path with the content shown', async () => {
    await seeded();
    const saved: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      saved.push(blob as Blob);
      return 'blob:export';
    };
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const { container } = renderConsole('/meshes/demo-mesh/virtual-gateways/ingress-gw');
    await openExport(container);
    inModal().findTabs()!.findTabLinkByIndex(2)!.click();
    await eventually(() => expect(fileText()?.[0]).toContain('template.yaml'), WAIT);
    inModal().findButton('[aria-label="Download template.yaml"]')!.click();
    expect(names).toEqual(['template.yaml']);
    const text = await readText(saved[0]!);
    expect(text).toContain('AWS::AppMesh::VirtualGateway');
    expect(text).toContain('ingress-gw');
    expect(saved[0]!.type).toBe('application/yaml');
  });
});
