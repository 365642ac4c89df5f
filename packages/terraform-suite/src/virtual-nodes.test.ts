// The module most App Mesh users had: gateway -> virtual service -> virtual router -> route -> virtual
// nodes. Apply, a clean plan (no drift between what the provider sends and what describe answers), the
// state's attributes as the service answered them, and a destroy in dependency order.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type InProcessServer, meshNames, startMeshconsole } from './support/meshconsole.js';
import { describeTerraform } from './support/suite.js';
import { providerBlock, TerraformDir } from './support/terraform.js';

function node(name: string): string {
  return `
resource "aws_appmesh_virtual_node" "${name}" {
  name      = "${name}"
  mesh_name = aws_appmesh_mesh.mesh.name
  spec {
    listener {
      port_mapping {
        port     = 8080
        protocol = "http"
      }
      health_check {
        protocol            = "http"
        path                = "/health"
        healthy_threshold   = 2
        unhealthy_threshold = 3
        timeout_millis      = 2000
        interval_millis     = 5000
      }
      outlier_detection {
        max_server_errors    = 5
        max_ejection_percent = 50
        base_ejection_duration {
          unit  = "s"
          value = 30
        }
        interval {
          unit  = "s"
          value = 10
        }
      }
      timeout {
        http {
          per_request {
            unit  = "s"
            value = 15
          }
        }
      }
    }
    service_discovery {
      dns {
        hostname = "${name}.tf-nodes.local"
      }
    }
    backend {
      virtual_service {
        virtual_service_name = "backend.tf-nodes.local"
      }
    }
    logging {
      access_log {
        file {
          path = "/dev/stdout"
        }
      }
    }
  }
  tags = { color = "${name}" }
}
`;
}

const CONFIG = `
resource "aws_appmesh_mesh" "mesh" {
  name = "tf-nodes"
}
${node('blue')}
${node('green')}

resource "aws_appmesh_virtual_router" "router" {
  name      = "router"
  mesh_name = aws_appmesh_mesh.mesh.name
  spec {
    listener {
      port_mapping {
        port     = 8080
        protocol = "http"
      }
    }
  }
}

resource "aws_appmesh_route" "split" {
  name                = "split"
  mesh_name           = aws_appmesh_mesh.mesh.name
  virtual_router_name = aws_appmesh_virtual_router.router.name
  spec {
    priority = 10
    http_route {
      match {
        prefix = "/"
      }
      action {
        weighted_target {
          virtual_node = aws_appmesh_virtual_node.blue.name
          weight       = 90
        }
        weighted_target {
          virtual_node = aws_appmesh_virtual_node.green.name
          weight       = 10
        }
      }
      retry_policy {
        max_retries       = 3
        http_retry_events = ["server-error", "gateway-error"]
        per_retry_timeout {
          unit  = "ms"
          value = 2000
        }
      }
    }
  }
}

resource "aws_appmesh_virtual_service" "svc" {
  name      = "svc.tf-nodes.local"
  mesh_name = aws_appmesh_mesh.mesh.name
  spec {
    provider {
      virtual_router {
        virtual_router_name = aws_appmesh_virtual_router.router.name
      }
    }
  }
}
`;

describeTerraform('Terraform: virtual nodes, virtual routers and routes', () => {
  let server: InProcessServer;
  let tf: TerraformDir;

  beforeAll(async () => {
    server = await startMeshconsole();
    tf = new TerraformDir('virtual-nodes');
    tf.write('provider.tf', providerBlock(server.url));
    tf.write('main.tf', CONFIG);
    await tf.init();
  });
  afterAll(async () => {
    tf?.dispose();
    await server?.close();
  });

  it('when a module with virtual nodes, a virtual router, a route and the service it provides is applied, then it re-plans clean', async () => {
    await tf.apply();
    // one `terraform show` for the whole state (each Terraform run costs tens of seconds on a loaded machine)
    const resources = (await tf.show()).values.root_module.resources;
    expect(resources.map((r) => r.address).sort()).toEqual([
      'aws_appmesh_mesh.mesh',
      'aws_appmesh_route.split',
      'aws_appmesh_virtual_node.blue',
      'aws_appmesh_virtual_node.green',
      'aws_appmesh_virtual_router.router',
      'aws_appmesh_virtual_service.svc',
    ]);
    const route = resources.find((r) => r.address === 'aws_appmesh_route.split');
    expect(route?.values.arn).toBe(
      'arn:aws:appmesh:us-west-2:123456789012:mesh/tf-nodes/virtualRouter/router/route/split',
    );
    expect(route?.values.resource_owner).toBe('123456789012');
    await tf.planClean();
  });

  it('when the module is destroyed, then the route goes before its router and nodes, and nothing is left', async () => {
    // the plan before has just read every resource: no second refresh (each Terraform call is slow on a loaded machine)
    const out = await tf.ok('destroy', '-auto-approve', '-input=false', '-refresh=false');
    const order = [...out.stdout.matchAll(/^(aws_appmesh_\w+)\.\w+: Destruction complete/gm)].map((m) => m[1]);
    expect(order.indexOf('aws_appmesh_route')).toBeLessThan(order.indexOf('aws_appmesh_virtual_router'));
    expect(order.indexOf('aws_appmesh_route')).toBeLessThan(order.indexOf('aws_appmesh_virtual_node'));
    expect(order.indexOf('aws_appmesh_virtual_service')).toBeLessThan(order.indexOf('aws_appmesh_virtual_router'));
    expect(order.at(-1)).toBe('aws_appmesh_mesh');
    expect(await tf.stateList()).toEqual([]);
    expect(await meshNames(server.url)).toEqual([]);
  });
});
