// Minimal specs through their whole life: apply, a clean plan, an in-place update that bumps the
// version, an out-of-band change that `plan -refresh-only` sees, and a destroy that leaves nothing.
import type { GatewayRouteData, VirtualGatewayData } from '@meshconsole/model';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  consoleApi,
  getJson,
  type InProcessServer,
  meshNames,
  snapshotMesh,
  startMeshconsole,
} from './support/meshconsole.js';
import { describeTerraform } from './support/suite.js';
import { providerBlock, TerraformDir } from './support/terraform.js';

function config(port: number, routePrefix = '/catalog'): string {
  return `
resource "aws_appmesh_mesh" "mesh" {
  name = "tf-minimal"
  tags = { team = "platform" }
}

resource "aws_appmesh_virtual_service" "catalog" {
  name      = "catalog.tf.local"
  mesh_name = aws_appmesh_mesh.mesh.name
  spec {}
}

resource "aws_appmesh_virtual_gateway" "gw" {
  name      = "gw"
  mesh_name = aws_appmesh_mesh.mesh.name
  spec {
    listener {
      port_mapping {
        port     = ${port}
        protocol = "http"
      }
    }
  }
  tags = { tier = "public" }
}

resource "aws_appmesh_gateway_route" "catalog" {
  name                 = "catalog"
  mesh_name            = aws_appmesh_mesh.mesh.name
  virtual_gateway_name = aws_appmesh_virtual_gateway.gw.name
  spec {
    http_route {
      match {
        prefix = "${routePrefix}"
      }
      action {
        target {
          virtual_service {
            virtual_service_name = aws_appmesh_virtual_service.catalog.name
          }
        }
      }
    }
  }
}
`;
}

describeTerraform('Terraform lifecycle of minimal specs', () => {
  let server: InProcessServer;
  let tf: TerraformDir;
  const gatewayPath = '/api/meshes/tf-minimal/virtual-gateways/gw';

  beforeAll(async () => {
    server = await startMeshconsole();
    tf = new TerraformDir('lifecycle');
    tf.write('provider.tf', providerBlock(server.url));
    tf.write('main.tf', config(8080));
    await tf.init();
  });
  afterAll(async () => {
    tf?.dispose();
    await server?.close();
  });

  it('when minimal specs with tags are applied, then the mesh holds them and a plan shows no changes', async () => {
    await tf.apply();
    const snap = await snapshotMesh(server.url, 'tf-minimal');
    expect(snap.mesh.tags).toEqual([{ key: 'team', value: 'platform' }]);
    expect(snap.virtualServices).toEqual({ 'catalog.tf.local': { spec: {}, tags: [] } });
    expect(snap.virtualGateways).toEqual({
      gw: {
        spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
        tags: [{ key: 'tier', value: 'public' }],
      },
    });
    expect(snap.gatewayRoutes['gw/catalog']?.spec).toEqual({
      httpRoute: {
        match: { prefix: '/catalog' },
        action: { target: { virtualService: { virtualServiceName: 'catalog.tf.local' } } },
      },
    });
    await tf.planClean();
  });

  it('when a spec changes in the configuration, then apply updates it in place and the version goes up by one', async () => {
    const before = await getJson<VirtualGatewayData>(server.url, gatewayPath);
    tf.write('main.tf', config(9090));
    const applied = await tf.apply();
    expect(applied.stdout).toContain('0 added, 1 changed, 0 destroyed');
    const after = await getJson<VirtualGatewayData>(server.url, gatewayPath);
    expect(after.metadata.uid).toBe(before.metadata.uid);
    expect(after.metadata.version).toBe(before.metadata.version + 1);
    expect(after.spec.listeners[0]?.portMapping.port).toBe(9090);
  });

  it('when a route is changed outside Terraform, then plan -refresh-only reports that change and apply puts it back', async () => {
    const routePath = `${gatewayPath}/gateway-routes/catalog`;
    const route = await getJson<GatewayRouteData>(server.url, routePath);
    const changed = structuredClone(route.spec);
    changed.httpRoute!.match.prefix = '/changed-out-of-band';
    const put = await consoleApi(server.url, 'PUT', routePath, { spec: changed });
    expect(put.status).toBe(200);

    const refresh = await tf.expectCode(2, 'plan', '-refresh-only', '-detailed-exitcode', '-input=false');
    expect(refresh.stdout).toContain('Objects have changed outside of Terraform');
    expect(refresh.stdout).toMatch(/prefix\s+=\s+"\/catalog" -> "\/changed-out-of-band"/);

    await tf.apply();
    const restored = await getJson<GatewayRouteData>(server.url, routePath);
    expect(restored.spec.httpRoute?.match.prefix).toBe('/catalog');
    expect(restored.metadata.version).toBe(route.metadata.version + 2);
    await tf.planClean();
  });

  it('when the configuration is destroyed, then every resource is gone, routes before their gateway and service', async () => {
    const out = await tf.ok('destroy', '-auto-approve', '-input=false');
    const order = [...out.stdout.matchAll(/^(aws_appmesh_\w+)\.\w+: Destruction complete/gm)].map((m) => m[1]);
    expect(order.indexOf('aws_appmesh_gateway_route')).toBeLessThan(order.indexOf('aws_appmesh_virtual_gateway'));
    expect(order.indexOf('aws_appmesh_gateway_route')).toBeLessThan(order.indexOf('aws_appmesh_virtual_service'));
    expect(order.at(-1)).toBe('aws_appmesh_mesh');
    expect(await tf.stateList()).toEqual([]);
    expect(await meshNames(server.url)).toEqual([]);
    const gone = await consoleApi(server.url, 'GET', gatewayPath);
    expect(gone.status).toBe(404);
  });
});
