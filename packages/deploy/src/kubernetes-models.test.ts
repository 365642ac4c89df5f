// Every Kubernetes manifest of the Deploy tab's bundle, checked against Kubernetes' own models
// (kubernetes-models, @kubernetes-models/apimachinery) since no cluster is at hand.
import { LabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';
import { ObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import { Deployment } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Namespace, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { fullSpec, ownedGateway, sharedGateway } from './gateway.fixtures';
import { generateBundle } from './generate-bundle';

const MODELS = { Namespace, Secret, Service, ServiceAccount, Deployment, PodDisruptionBudget } as const;

describe.each([
  ['a minimal gateway', ownedGateway()],
  ['a fully loaded gateway', ownedGateway({ spec: fullSpec })],
  ['a gateway in a shared mesh, with hostile names', sharedGateway({ virtualGatewayName: 'Gw_"x": {y}' })],
])('the Kubernetes manifests of %s', (_title, gateway) => {
  it("when each manifest is checked against Kubernetes' models, then every one is valid", () => {
    const bundle = generateBundle(gateway, { namespace: 'edge' }, { callerAccountId: gateway.metadata.meshOwner });
    const manifests = bundle.artifacts.filter((a) => a.target === 'kubernetes' && a.mediaType === 'application/yaml');
    expect(manifests.length).toBeGreaterThanOrEqual(6);
    const kinds: string[] = [];
    for (const artifact of manifests) {
      for (const doc of parseAllDocuments(artifact.content)) {
        expect(doc.errors).toEqual([]);
        const value = doc.toJS() as {
          apiVersion: string;
          kind: string;
          metadata: object;
          spec?: Record<string, unknown>;
        };
        kinds.push(value.kind);
        if (value.apiVersion === 'appmesh.k8s.aws/v1beta2') {
          // No model exists for the App Mesh controller's CRDs: their metadata and selectors are Kubernetes'.
          new ObjectMeta(value.metadata as never).validate();
          new LabelSelector(value.spec!.namespaceSelector as never).validate();
          new LabelSelector(value.spec!.podSelector as never).validate();
          continue;
        }
        const Model = MODELS[value.kind as keyof typeof MODELS];
        expect(Model, `${artifact.filename}: ${value.kind}`).toBeDefined();
        new Model(value as never).validate();
      }
    }
    expect(kinds).toEqual(
      expect.arrayContaining(['Namespace', 'VirtualGateway', 'ServiceAccount', 'Deployment', 'Service']),
    );
  });
});
