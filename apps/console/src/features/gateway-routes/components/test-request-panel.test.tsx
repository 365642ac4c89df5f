import createWrapper, { type FormFieldWrapper } from '@cloudscape-design/components/test-utils/dom';
import { HttpTestRequestSchema } from '@meshconsole/model';
import { act, configure } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FakeConsoleApi } from '../../../test/fake-console-api';
import { eventually, formFieldByLabel, renderConsole, startFakeConsoleApi } from '../../../test/render';
import { MESH, seedGateways, seedRoute, seedService } from '../../../test/seed';

configure({ getElementError: (message) => new Error(message ?? 'Element not found') });

const TEST_REQUEST = '/api/meshes/demo-mesh/virtual-gateways/books-gw/test-request';

/** books-gw (http 8080) with the guide's route: prefix /chapter to svc.local, and a route for /other. */
async function booksApi() {
  const api = await startFakeConsoleApi();
  await seedGateways(api, ['books-gw']);
  await seedService(api, 'svc.local');
  await seedService(api, 'other.local');
  await seedRoute(api, 'books-gw', 'chapter', '/chapter', 'svc.local');
  await seedRoute(api, 'books-gw', 'other', '/other', 'other.local');
  return api;
}

function openTab(path = `/meshes/${MESH}/virtual-gateways/books-gw?tab=test-request`) {
  const { container } = renderConsole(path);
  const wrapper = createWrapper(container);
  const panel = () => {
    const el = container.querySelector('[data-testid="test-request-panel"]');
    if (!el) throw new Error('The Test request tab is not shown');
    return createWrapper(el as HTMLElement);
  };
  const field = (label: string): FormFieldWrapper => formFieldByLabel(panel(), label);
  const type = (label: string, value: string) =>
    act(() => field(label).findControl()!.findInput()!.setInputValue(value));
  const text = (testId: string) => container.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null;
  // The first render loads the details page's chunk and the tab's: slow on a busy machine.
  const ready = () => eventually(() => expect(panel().findAllFormFields().length).toBeGreaterThan(0), 25_000);
  return { container, wrapper, panel, field, type, text, ready };
}

const posted = (api: FakeConsoleApi) =>
  api.requests
    .filter((r) => r.method === 'POST' && r.path === TEST_REQUEST)
    .map((r) => ({ body: r.body, csrf: r.csrf }));

describe('Test request tab', { timeout: 45_000 }, () => {
  it("when the guide's /chapter/1 is typed, then chapter wins and the request goes out as host svc.local, path /1, and the other route says why not", async () => {
    const api = await booksApi();
    const ui = openTab();
    await ui.ready();
    ui.type('Path', '/chapter/1');
    ui.type('Host', 'books.example.com');
    await eventually(() => expect(ui.text('forwarded-path')).toBe('/1'), 10_000);
    expect(ui.text('forwarded-host')).toBe('svc.local');
    expect(ui.text('forwarded-service')).toBe('svc.local');
    expect(ui.text('request-in-host')).toBe('books.example.com');
    expect(ui.text('request-in-path')).toBe('/chapter/1');
    expect(ui.text('test-request-winner-name')).toBe('chapter');
    const link = ui.container.querySelector('[data-testid="test-request-winner-name"] a');
    expect(link?.getAttribute('href')).toBe(`/meshes/${MESH}/virtual-gateways/books-gw/gateway-routes/chapter`);
    const table = createWrapper(
      ui.container.querySelector('[data-testid="test-request-routes"]') as HTMLElement,
    ).findTable()!;
    const rows = table.findRows().map((r) => r.getElement().textContent ?? '');
    const other = rows.find((r) => r.startsWith('other'));
    expect(other).toContain('Does not match');
    expect(other).toContain('/other');
    // Typing was debounced: the requests sent are whole ones, each with the CSRF header.
    const sent = posted(api);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(4);
    expect(sent.every((s) => s.csrf === '1')).toBe(true);
    expect(sent.at(-1)?.body).toEqual({ method: 'GET', path: '/chapter/1', host: 'books.example.com' });
  });

  it('when no route takes the request, then the tab says so and every route gives its reason', async () => {
    await booksApi();
    const ui = openTab();
    await ui.ready();
    ui.type('Path', '/nowhere');
    await eventually(
      () => expect(ui.text('test-request-no-match')).toContain('No gateway route takes this request'),
      10_000,
    );
    expect(ui.text('request-out')).toContain('Not forwarded');
    expect(ui.text('test-request-routes')).toContain('chapter');
    expect(ui.text('test-request-routes')).toContain('other');
  });

  it('when the path does not start with "/", then Path shows the model\'s message and that request is never sent', async () => {
    const api = await booksApi();
    const ui = openTab();
    await ui.ready();
    ui.type('Path', 'chapter/1');
    const message = HttpTestRequestSchema.safeParse({ path: 'chapter/1' }).error?.issues[0]?.message;
    expect(message).toContain('/');
    await eventually(() => expect(ui.field('Path').findError()?.getElement().textContent).toBe(message), 10_000);
    expect(ui.text('test-request-result')).toContain('Correct the request');
    expect(posted(api).some((s) => (s.body as { path?: string }).path === 'chapter/1')).toBe(false);
  });

  it('when a header is added, then it is sent with the request', async () => {
    const api = await booksApi();
    const ui = openTab();
    await ui.ready();
    act(() => ui.panel().findAttributeEditor()!.findAddButton().click());
    const editor = ui.panel().findAttributeEditor()!;
    act(() => editor.findRow(1)!.findField(1)!.findControl()!.findInput()!.setInputValue('x-user'));
    act(() => editor.findRow(1)!.findField(2)!.findControl()!.findInput()!.setInputValue('a'));
    ui.type('Path', '/chapter/2');
    await eventually(() => expect(ui.text('forwarded-path')).toBe('/2'), 10_000);
    expect(posted(api).at(-1)?.body).toEqual({ method: 'GET', path: '/chapter/2', headers: { 'x-user': 'a' } });
  });

  it('when the gateway is grpc, then the tab asks for a service name and the grpc route takes it', async () => {
    const api = await startFakeConsoleApi();
    await seedGateways(api, ['grpc-gw'], { listeners: [{ portMapping: { port: 8080, protocol: 'grpc' } }] });
    await seedService(api, 'svc.local');
    await api.mesh.createGatewayRoute({
      meshName: MESH,
      virtualGatewayName: 'grpc-gw',
      gatewayRouteName: 'pkg-svc',
      spec: {
        grpcRoute: {
          match: { serviceName: 'pkg.Svc' },
          action: { target: { virtualService: { virtualServiceName: 'svc.local' } } },
        },
      },
    });
    const ui = openTab(`/meshes/${MESH}/virtual-gateways/grpc-gw?tab=test-request`);
    await ui.ready();
    expect(() => ui.field('Path')).toThrow();
    ui.type('gRPC service name', 'pkg.Svc');
    ui.type('Method name', 'Get');
    await eventually(() => expect(ui.text('test-request-winner-name')).toBe('pkg-svc'), 10_000);
    expect(ui.text('request-in-path')).toBe('/pkg.Svc/Get');
    expect(ui.text('forwarded-host')).toBe('svc.local');
  });
});
