import createWrapper, { type FormFieldWrapper } from '@cloudscape-design/components/test-utils/dom';
import { act, configure } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { eventually, formFieldByLabel, renderConsole, startFakeConsoleApi } from '../../../../test/render';
import { MESH, seedGateways, seedRoute, seedService } from '../../../../test/seed';
import { MATCH_RULES, PATH_MATCH_LABELS } from '../../form/gateway-route-form-definition';

configure({ getElementError: (message) => new Error(message ?? 'Element not found') });

const PREFIX = PATH_MATCH_LABELS.prefix;

/** books-gw (http 8080) with the route chapter (prefix /chapter to svc.local), at its create route page. */
async function openCreate() {
  const api = await startFakeConsoleApi();
  await seedGateways(api, ['books-gw']);
  await seedService(api, 'svc.local');
  await seedRoute(api, 'books-gw', 'chapter', '/chapter', 'svc.local');
  const { container } = renderConsole(`/meshes/${MESH}/virtual-gateways/books-gw/gateway-routes/create`);
  const wrapper = createWrapper(container);
  const field = (label: string): FormFieldWrapper => formFieldByLabel(wrapper, label);
  const type = (label: string, value: string) =>
    act(() => field(label).findControl()!.findInput()!.setInputValue(value));
  const text = (testId: string) => container.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null;
  await eventually(() => expect(field(PREFIX)).toBeTruthy(), 25_000);
  const chooseService = async (name: string) => {
    const select = field('Virtual service name').findControl()!.findSelect()!;
    act(() => select.openDropdown());
    await eventually(() => expect(select.findDropdown().findOptionByValue(name)).not.toBeNull());
    act(() => select.selectOptionByValue(name));
  };
  return { api, wrapper, field, type, text, chooseService };
}

describe('gateway route form: request preview and route checks', { timeout: 45_000 }, () => {
  it("when the prefix is /chapter to svc.local, then the preview forwards the guide's /chapter/1 as host svc.local, path /1, with the default rewrites spelled out", async () => {
    const ui = await openCreate();
    ui.type('Gateway route name', 'chapter-v2');
    await ui.chooseService('svc.local');
    ui.type(PREFIX, '/chapter');
    await eventually(() => expect(ui.text('forwarded-path')).toBe('/1'), 10_000);
    expect(ui.text('request-in-path')).toBe('/chapter/1');
    expect(ui.text('forwarded-host')).toBe('svc.local');
    expect(ui.text('forwarded-service')).toBe('svc.local');
    const rewrites = ui.text('forwarded-rewrites') ?? '';
    expect(rewrites).toContain("is replaced by svc.local, the target virtual service's name");
    expect(rewrites).toContain('/chapter/1 becomes /1');
  });

  it('when the prefix rewrite is turned off, then the preview keeps the path as it came', async () => {
    const ui = await openCreate();
    await ui.chooseService('svc.local');
    ui.type(PREFIX, '/chapter');
    await eventually(() => expect(ui.text('forwarded-path')).toBe('/1'), 10_000);
    const box = ui.wrapper.findAllCheckboxes().find((c) => c.getElement().textContent?.includes('rewrite of prefix'))!;
    act(() => box.findNativeInput().click());
    await eventually(() => expect(ui.text('forwarded-path')).toBe('/chapter/1'), 10_000);
  });

  it('when the route duplicates a saved one, then the duplicate finding shows before Create, and Create still saves it', async () => {
    const ui = await openCreate();
    ui.type('Gateway route name', 'chapter-v2');
    await ui.chooseService('svc.local');
    ui.type(PREFIX, '/chapter');
    await eventually(
      () =>
        expect(ui.text('route-preview-findings')).toContain('chapter-v2 has the same match and priority as chapter'),
      10_000,
    );
    const codes = [...document.querySelectorAll('[data-testid="route-preview-findings"] [data-finding-code]')].map(
      (f) => f.getAttribute('data-finding-code'),
    );
    expect(codes).toEqual(['duplicate']);
    const create = ui.wrapper.findAllButtons().find((b) => b.getElement().textContent === 'Create gateway route')!;
    await act(async () => create.click());
    const post = () =>
      ui.api.requests.find(
        (r) => r.method === 'POST' && r.path === '/api/meshes/demo-mesh/virtual-gateways/books-gw/gateway-routes',
      );
    await eventually(() => expect(post()?.answeredAt).toBeDefined(), 10_000);
    const saved = await ui.api.mesh.describeGatewayRoute({
      meshName: MESH,
      virtualGatewayName: 'books-gw',
      gatewayRouteName: 'chapter-v2',
    });
    expect(saved.gatewayRoute.spec.httpRoute?.match.prefix).toBe('/chapter');
  });

  it("when the form shows, then the path and the match port say what a match needs in the model's words (a port alone is enough)", async () => {
    const ui = await openCreate();
    expect(MATCH_RULES.http).toMatch(/port/);
    expect(ui.field(PREFIX).findConstraint()?.getElement().textContent).toBe(MATCH_RULES.http);
    expect(ui.field('Match port')).toBeTruthy();
    expect(ui.field('Virtual service provider port')).toBeTruthy();
  });
});
