// The `terraform` export of a seeded mesh (the demo seed, plus a tag full of HCL's special characters),
// applied by the real Terraform against a FRESH meshconsole, recreates every resource with the same
// describe output, and then plans clean.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { consoleApi, getJson, type InProcessServer, snapshotMesh, startMeshconsole } from './support/meshconsole.js';
import { describeTerraform } from './support/suite.js';
import { providerBlock, TerraformDir } from './support/terraform.js';

// biome-ignore lint/suspicious/noTemplateCurlyInString: literal HCL template syntax, which the export must escape
const HOSTILE = 'quote " backslash \\ ${var.x} %{ if true } newline\n tab\t é';

describeTerraform('Terraform export of a seeded mesh', () => {
  let seeded: InProcessServer;
  let fresh: InProcessServer;
  let tf: TerraformDir;

  beforeAll(async () => {
    [seeded, fresh] = await Promise.all([startMeshconsole({ SEED: 'demo' }), startMeshconsole()]);
    tf = new TerraformDir('export');
  });
  afterAll(async () => {
    tf?.dispose();
    await Promise.all([seeded?.close(), fresh?.close()]);
  });

  it('when the export is applied to an empty meshconsole, then describe matches the seeded mesh for every resource and a plan shows no changes', async () => {
    const gw = await getJson<{ metadata: { arn: string } }>(
      seeded.url,
      '/api/meshes/demo-mesh/virtual-gateways/ingress-gw',
    );
    const tagged = await consoleApi(seeded.url, 'POST', '/api/tags', {
      resourceArn: gw.metadata.arn,
      tags: [{ key: 'odd ${key}', value: HOSTILE }],
    });
    expect(tagged.status).toBe(200);

    const exported = await getJson<{ files: { path: string; content: string }[]; untranslated: unknown[] }>(
      seeded.url,
      '/api/meshes/demo-mesh/export?format=terraform',
    );
    expect(exported.untranslated).toEqual([]);
    expect(exported.files.map((f) => f.path)).toEqual(['main.tf']);
    expect(exported.files[0]!.content).not.toContain('provider "aws"');
    for (const file of exported.files) tf.write(file.path, file.content);
    tf.write('provider.tf', providerBlock(fresh.url));
    await tf.init();
    await tf.apply();

    const before = await snapshotMesh(seeded.url, 'demo-mesh');
    const after = await snapshotMesh(fresh.url, 'demo-mesh');
    expect(Object.keys(after.gatewayRoutes).sort()).toEqual(['ingress-gw/catalog-route', 'ingress-gw/orders-route']);
    expect(after.virtualGateways['ingress-gw']?.tags).toContainEqual({ key: 'odd ${key}', value: HOSTILE });
    expect(after).toEqual(before);
    await tf.planClean();
  });
});
