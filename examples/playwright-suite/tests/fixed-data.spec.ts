import { expect, test } from '@meshconsole/playwright';
import { SHOP } from './shop';

test.use({ meshconsoleFixed: { time: '2026-01-15T12:00:00Z', ids: 'example-suite' } });

/** The describe output of the seeded gateway, as the AWS CLI receives it. */
async function describeEdge(baseURL: string): Promise<string> {
  const res = await fetch(`${baseURL}/v20190125/meshes/shop/virtualGateways/edge`);
  expect(res.status).toBe(200);
  return await res.text();
}

test('when the same seed is loaded twice with fixed time and ids, then describe is byte-identical', async ({
  meshconsole,
}) => {
  await meshconsole.seed(SHOP);
  const first = await describeEdge(meshconsole.baseURL);
  await meshconsole.reset();
  await meshconsole.seed(SHOP);
  expect(await describeEdge(meshconsole.baseURL)).toBe(first);
  expect(JSON.parse(first).metadata.createdAt).toBe(Date.parse('2026-01-15T12:00:00Z') / 1000);
});

test('when a seed document has a bad field, then it is refused with its path and nothing is created', async ({
  meshconsole,
}) => {
  const bad = structuredClone(SHOP);
  bad.meshes[0]!.virtualGateways![0]!.spec.listeners[0]!.portMapping.port = 0;
  await expect(meshconsole.seed(bad)).rejects.toThrow(
    /meshes\.0\.virtualGateways\.0\.spec\.listeners\.0\.portMapping\.port/,
  );
  expect(await meshconsole.api.listMeshes()).toEqual([]);
});
