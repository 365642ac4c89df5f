import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import { DeployPanel } from './deploy-panel';

/** The server's answer for a given query (the network boundary; the generator itself is tested in packages/deploy). */
function bundleFor(url: URL) {
  const replicas = Number(url.searchParams.get('replicas') ?? '2');
  return {
    artifacts: [
      {
        id: 'kubernetes-deployment',
        target: 'kubernetes',
        title: 'Deployment',
        filename: 'deployment.yaml',
        mediaType: 'application/yaml',
        content: `kind: Deployment\nspec:\n  replicas: ${replicas}\n`,
      },
      {
        id: 'ecs-task-definition',
        target: 'ecs',
        title: 'Task definition',
        filename: 'task-definition.json',
        mediaType: 'application/json',
        content: '{ "family": "ingress-gw-envoy" }\n',
      },
    ],
    warnings: ['AWS Fargate needs listener ports above 1024.'],
    options: {
      namespace: 'ingress-gw',
      replicas,
      envoyImage: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.12.1-prod',
      region: 'us-west-2',
      iamRoleArn: 'arn:aws:iam::123456789012:role/ingress-gw-envoy',
      adminPort: 9901,
    },
  };
}

const requests: URL[] = [];

// DeployPanel loads its content lazily; load that module once up front so each test only waits for data.
beforeAll(async () => {
  await import('./deploy-panel-content');
});

beforeEach(() => {
  requests.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://localhost');
      requests.push(url);
      if (url.searchParams.get('replicas') === '1') {
        return new Response(
          JSON.stringify({
            error: {
              code: 'BadRequestException',
              message: 'Replicas must be a whole number between 2 and 50.',
              requestId: 'r1',
              fieldErrors: { replicas: ['Replicas must be a whole number between 2 and 50.'] },
            },
          }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        );
      }
      return new Response(JSON.stringify(bundleFor(url)), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderPanel() {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <DeployPanel mesh="demo-mesh" gatewayName="ingress-gw" meshOwner="111122223333" />
    </QueryClientProvider>,
  );
}

describe('DeployPanel', () => {
  it('when it opens, then it shows the Kubernetes artifacts, the warnings and a bundle link for the same options', async () => {
    renderPanel();
    expect(await screen.findByText(/replicas: 2/)).toBeTruthy();
    expect(screen.getByText('AWS Fargate needs listener ports above 1024.')).toBeTruthy();
    expect(requests[0]?.pathname).toBe('/api/meshes/demo-mesh/virtual-gateways/ingress-gw/deploy');
    expect(requests[0]?.searchParams.get('meshOwner')).toBe('111122223333');
    const link = screen.getByText('Download bundle').closest('a');
    expect(link?.getAttribute('href')).toBe(
      '/api/meshes/demo-mesh/virtual-gateways/ingress-gw/deploy/bundle?meshOwner=111122223333&replicas=2',
    );
    expect(screen.queryByText('task-definition.json', { exact: false })).toBeNull();
  });

  it('when Replicas changes, then the artifacts and the bundle link follow; a refused value shows its message on the field', async () => {
    renderPanel();
    await screen.findByText(/replicas: 2/);
    const replicas = screen.getByLabelText('Replicas');
    fireEvent.change(replicas, { target: { value: '1' } });
    expect(await screen.findByText('Replicas must be a whole number between 2 and 50.')).toBeTruthy();
    // The last good bundle stays on screen meanwhile.
    expect(screen.getByText(/replicas: 2/)).toBeTruthy();

    fireEvent.change(replicas, { target: { value: '3' } });
    expect(await screen.findByText(/replicas: 3/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Replicas must be a whole number between 2 and 50.')).toBeNull());
    expect(screen.getByText('Download bundle').closest('a')?.getAttribute('href')).toContain('replicas=3');
  });

  it('when Amazon ECS is chosen, then its artifacts replace the Kubernetes ones', async () => {
    renderPanel();
    await screen.findByText(/replicas: 2/);
    fireEvent.click(screen.getByRole('button', { name: 'Amazon ECS' }));
    const task = await screen.findByTestId('deploy-artifact-ecs-task-definition');
    expect(within(task).getByText(/ingress-gw-envoy/)).toBeTruthy();
    expect(screen.queryByTestId('deploy-artifact-kubernetes-deployment')).toBeNull();
  });
});
