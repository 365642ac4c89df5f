import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import type { FakeConsoleApi } from '../../../test/fake-console-api';
import { startFakeConsoleApi } from '../../../test/render';
import { DeployPanel } from './deploy-panel';

const PARTNER = '111122223333';
/** The panel debounces typing (350 ms) before it asks: wait for answers longer than the default second. */
const WAIT = { timeout: 8000 };

/** ingress-gw (http on port 80) in PARTNER's mesh demo-mesh, shared with the caller. */
async function sharedGateway(): Promise<FakeConsoleApi> {
  const api = await startFakeConsoleApi({ withMesh: false });
  await api.as(PARTNER).createMesh({ meshName: 'demo-mesh' });
  await api.share(PARTNER, 'demo-mesh', api.accountId);
  await api.as(PARTNER).createVirtualGateway({
    meshName: 'demo-mesh',
    virtualGatewayName: 'ingress-gw',
    spec: { listeners: [{ portMapping: { port: 80, protocol: 'http' } }] },
  });
  return api;
}

const deployRequests = (api: FakeConsoleApi) =>
  api.requests.filter((r) => r.path.endsWith('/deploy')).map((r) => new URL(`${r.path}${r.search}`, 'http://x'));

// DeployPanel loads its content lazily; load that module once up front so each test only waits for data.
beforeAll(async () => {
  await import('./deploy-panel-content');
});

function renderPanel() {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <DeployPanel mesh="demo-mesh" gatewayName="ingress-gw" meshOwner={PARTNER} />
    </QueryClientProvider>,
  );
}

describe('DeployPanel', () => {
  it('when it opens, then it shows the Kubernetes artifacts, the warnings and a bundle link for the same options', async () => {
    const api = await sharedGateway();
    renderPanel();
    expect(await screen.findByText(/replicas: 2/, {}, WAIT)).toBeTruthy();
    expect(
      screen.getByText(/^AWS Fargate needs listener ports above 1024, and this gateway listens on 80\./),
    ).toBeTruthy();
    const [first] = deployRequests(api);
    expect(first?.pathname).toBe('/api/meshes/demo-mesh/virtual-gateways/ingress-gw/deploy');
    expect(first?.searchParams.get('meshOwner')).toBe(PARTNER);
    const link = screen.getByText('Download bundle').closest('a');
    expect(link?.getAttribute('href')).toBe(
      '/api/meshes/demo-mesh/virtual-gateways/ingress-gw/deploy/bundle?meshOwner=111122223333&replicas=2',
    );
    expect(screen.queryByText('task-definition.json', { exact: false })).toBeNull();
  });

  it('when Replicas changes, then the artifacts and the bundle link follow; a refused value shows its message on the field', async () => {
    await sharedGateway();
    renderPanel();
    await screen.findByText(/replicas: 2/, {}, WAIT);
    const replicas = screen.getByLabelText('Replicas');
    fireEvent.change(replicas, { target: { value: '1' } });
    expect(await screen.findByText('Replicas must be a whole number between 2 and 50.', {}, WAIT)).toBeTruthy();
    // The last good bundle stays on screen meanwhile.
    expect(screen.getByText(/replicas: 2/)).toBeTruthy();

    fireEvent.change(replicas, { target: { value: '3' } });
    expect(await screen.findByText(/replicas: 3/, {}, WAIT)).toBeTruthy();
    await waitFor(
      () => expect(screen.queryByText('Replicas must be a whole number between 2 and 50.')).toBeNull(),
      WAIT,
    );
    expect(screen.getByText('Download bundle').closest('a')?.getAttribute('href')).toContain('replicas=3');
  });

  it('when Amazon ECS is chosen, then its artifacts replace the Kubernetes ones', async () => {
    await sharedGateway();
    renderPanel();
    await screen.findByText(/replicas: 2/, {}, WAIT);
    fireEvent.click(screen.getByRole('button', { name: 'Amazon ECS' }));
    const task = await screen.findByTestId('deploy-artifact-ecs-task-definition', {}, WAIT);
    expect(within(task).getAllByText(/"family": "ingress-gw-envoy"/).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('deploy-artifact-kubernetes-deployment')).toBeNull();
  });
});
