import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { eventually, renderConsole, renderWithApp, startFakeConsoleApi } from '../../../test/render';
import { MESH, seedGateways } from '../../../test/seed';
import { HistoryPanel } from './history-panel';

const GW = { meshName: MESH, virtualGatewayName: 'gw-1' };

async function gatewayWithThreeVersions(on: 'page' | 'panel' = 'page') {
  const api = await startFakeConsoleApi();
  await seedGateways(api, ['gw-1']);
  await api.mesh.updateVirtualGateway({
    ...GW,
    spec: { listeners: [{ portMapping: { port: 9090, protocol: 'http' } }] },
  });
  await api.mesh.updateVirtualGateway({
    ...GW,
    spec: {
      listeners: [{ portMapping: { port: 9090, protocol: 'http' } }],
      logging: { accessLog: { file: { path: '/dev/stdout' } } },
    },
  });
  if (on === 'page') renderConsole('/meshes/demo-mesh/virtual-gateways/gw-1?tab=history');
  else {
    renderWithApp(
      <HistoryPanel
        mesh={MESH}
        meshOwner={undefined}
        path={['virtual-gateways', 'gw-1']}
        kindLabel="virtual gateway"
        onRestore={async () => {}}
      />,
      { path: '/meshes/demo-mesh/virtual-gateways/gw-1', pattern: '/meshes/:mesh/virtual-gateways/:name' },
    );
  }
  const table = async () => {
    await screen.findByTestId('history-table', {}, { timeout: 15_000 });
    return createWrapper(document.body).findTable('[data-testid="history-table"]')!;
  };
  return { api, table };
}

describe('History tab', () => {
  it('when two versions are selected, then the diff lists exactly the changed fields with console labels', async () => {
    const { table } = await gatewayWithThreeVersions('panel');
    const versions = await table();
    await eventually(() => expect(versions.findRows()).toHaveLength(3));
    expect(versions.findRows().map((row) => row.getElement().textContent?.trim())).toEqual([
      expect.stringMatching(/^3Updated.*123456789012Console$/),
      expect.stringMatching(/^2Updated/),
      expect.stringMatching(/^1Created/),
    ]);
    expect(screen.getByTestId('history-diff-hint').textContent).toContain('Select two versions');
    versions.findRowSelectionArea(3)!.click();
    versions.findRowSelectionArea(1)!.click();
    await screen.findByTestId('history-diff');
    const rows = createWrapper(document.body).findTable('[data-testid="history-diff"]')!.findRows();
    expect(rows.map((row) => row.findAll('td').map((cell) => cell.getElement().textContent))).toEqual([
      ['Port', 'listeners.0.portMapping.port', '8080', '9090'],
      ['HTTP access logs path', 'logging.accessLog.file.path', '-', '/dev/stdout'],
    ]);
  });

  it('when an earlier version is restored after the confirmation, then its spec is saved as a new version', async () => {
    const { api, table } = await gatewayWithThreeVersions();
    const versions = await table();
    await eventually(() => expect(versions.findRows()).toHaveLength(3));
    const restore = () => createWrapper(document.body).findButton('[data-testid="restore-version"]')!;
    expect(restore().isDisabled()).toBe(true);
    versions.findRowSelectionArea(3)!.click();
    await eventually(() => expect(restore().isDisabled()).toBe(false));
    restore().click();
    const modal = createWrapper(document.body).findModal('[data-testid="restore-version-modal"]')!;
    expect(modal.findHeader().getElement().textContent).toBe('Restore version 1');
    expect(modal.findContent().getElement().textContent).toContain('It becomes version 4');
    modal.findFooter()!.findButton('[data-testid="confirm-restore"]')!.click();
    await eventually(() => expect(versions.findRows()).toHaveLength(4));
    const put = api.requests.find((r) => r.method === 'PUT');
    expect(put?.body).toEqual({ spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] } });
    const described = await api.mesh.describeVirtualGateway(GW);
    expect(described.virtualGateway.metadata.version).toBe(4);
    expect(described.virtualGateway.spec.logging).toBeUndefined();
    // The whole console (shell, route table, lazy route chunks) loads cold in this test: give it room.
  }, 45_000);
});
