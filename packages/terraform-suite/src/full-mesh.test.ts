// A fully loaded mesh (fixtures/full-mesh.tf): applied, described by the mesh exactly as configured
// (golden), planned clean, read back identically through the data sources, destroyed to nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type InProcessServer, meshNames, snapshotMesh, startMeshconsole } from './support/meshconsole.js';
import { describeTerraform } from './support/suite.js';
import { providerBlock, TerraformDir } from './support/terraform.js';

const FIXTURE = readFileSync(new URL('./fixtures/full-mesh.tf', import.meta.url), 'utf8');
/** What describe must answer for every resource of FIXTURE (specs in the App Mesh API's JSON, tags sorted). */
const DESCRIBED: unknown = JSON.parse(
  readFileSync(new URL('./fixtures/full-mesh.describe.json', import.meta.url), 'utf8'),
);

/**
 * Terraform keeps an attribute the configuration left out as null in a resource's state, while a data
 * source reads the same absent set as []: the same value for this comparison.
 */
function withEmptyLists(value: unknown): unknown {
  if (value === null) return [];
  if (Array.isArray(value)) return value.map(withEmptyLists);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, withEmptyLists(v)]));
  }
  return value;
}

describeTerraform('Terraform with fully loaded specs', () => {
  let server: InProcessServer;
  let tf: TerraformDir;

  beforeAll(async () => {
    server = await startMeshconsole();
    tf = new TerraformDir('full');
    tf.write('provider.tf', providerBlock(server.url));
    tf.write('main.tf', FIXTURE);
    await tf.init();
  });
  afterAll(async () => {
    tf?.dispose();
    await server?.close();
  });

  it('when every field is applied, then describe holds exactly the configured specs and tags, and a plan shows no changes', async () => {
    await tf.apply();
    const snapshot = await snapshotMesh(server.url, 'full-mesh');
    expect(snapshot.mesh.tags).toEqual([
      { key: 'env', value: 'test' },
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the tag key is literally "${x}" (HCL's escaped $${x})
      { key: 'odd key ${x}', value: 'va"lue\\ %{y} é' },
    ]);
    expect(snapshot).toEqual(DESCRIBED);
    await tf.planClean();
  });

  it('when the data sources read the same resources, then they answer the same ARNs, owners and specs', async () => {
    const state = await tf.show();
    const resource = (address: string) => {
      const found = state.values.root_module.resources.find((r) => r.address === address);
      if (!found) throw new Error(`${address} is not in the state`);
      return found.values as { arn: string; spec: unknown; mesh_owner: string; resource_owner: string };
    };
    const view = (r: ReturnType<typeof resource>, owner: 'mesh_owner' | 'resource_owner') => ({
      arn: r.arn,
      spec: withEmptyLists(r.spec),
      owner: r[owner],
    });
    const gateways = { http: 'http', http2: 'http2', grpc: 'grpc' };
    const routes = ['prefix', 'path', 'regex', 'noprefix', 'h2', 'grpc'];
    const expected = {
      mesh: view(resource('aws_appmesh_mesh.m'), 'mesh_owner'),
      service: {
        arn: resource('aws_appmesh_virtual_service.vs').arn,
        spec: withEmptyLists(resource('aws_appmesh_virtual_service.vs').spec),
      },
      gateways: Object.fromEntries(
        Object.keys(gateways).map((k) => [k, view(resource(`aws_appmesh_virtual_gateway.${k}`), 'resource_owner')]),
      ),
      routes: Object.fromEntries(
        routes.map((k) => [k, view(resource(`aws_appmesh_gateway_route.${k}`), 'resource_owner')]),
      ),
    };
    const dataSources = await tf.output<typeof expected>('data_sources');
    expect(dataSources.mesh.owner).toBe('123456789012');
    expect(withEmptyLists(dataSources)).toEqual(expected);
  });

  it('when the configuration is destroyed, then nothing is left in the state or the mesh', async () => {
    await tf.ok('destroy', '-auto-approve', '-input=false');
    expect(await tf.stateList()).toEqual([]);
    expect(await meshNames(server.url)).toEqual([]);
  });
});
