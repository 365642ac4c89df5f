// Resources created with the AWS CLI, brought under Terraform with `terraform import`, plan clean; a
// configuration the service refuses fails at apply with the service's own message and leaves nothing
// behind, in the state or in the mesh.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { consoleApi, type InProcessServer, startMeshconsole } from './support/meshconsole.js';
import { describeTerraform } from './support/suite.js';
import { providerBlock, REGION, TerraformDir } from './support/terraform.js';

const execFileAsync = promisify(execFile);

const GATEWAY_SPEC = {
  listeners: [
    {
      portMapping: { port: 8443, protocol: 'http2' },
      connectionPool: { http2: { maxRequests: 256 } },
      healthCheck: {
        protocol: 'http2',
        port: 8443,
        path: '/healthz',
        healthyThreshold: 2,
        unhealthyThreshold: 5,
        intervalMillis: 10000,
        timeoutMillis: 5000,
      },
      tls: {
        mode: 'STRICT',
        certificate: { sds: { secretName: 'gateway-cert' } },
        validation: {
          trust: { file: { certificateChain: '/etc/ca.pem' } },
          subjectAlternativeNames: { match: { exact: ['client.cli.local'] } },
        },
      },
    },
  ],
  backendDefaults: {
    clientPolicy: { tls: { ports: [443], validation: { trust: { sds: { secretName: 'mesh-ca' } } } } },
  },
  logging: {
    accessLog: {
      file: { path: '/dev/stdout', format: { json: [{ key: 'status', value: '%RESPONSE_CODE%' }] } },
    },
  },
};

const ROUTE_SPEC = {
  priority: 5,
  http2Route: {
    match: { prefix: '/api', headers: [{ name: 'x-version', match: { range: { start: 2, end: 5 } } }] },
    action: {
      target: { virtualService: { virtualServiceName: 'api.cli.local' } },
      rewrite: { prefix: { value: '/v2/' } },
    },
  },
};

/** The same resources as GATEWAY_SPEC and ROUTE_SPEC, written as a user would for the import. */
const IMPORTED_CONFIG = `
resource "aws_appmesh_virtual_gateway" "cli" {
  name      = "cli-gw"
  mesh_name = "cli-mesh"
  tags      = { origin = "aws-cli" }
  spec {
    backend_defaults {
      client_policy {
        tls {
          ports = [443]
          validation {
            trust {
              sds {
                secret_name = "mesh-ca"
              }
            }
          }
        }
      }
    }
    logging {
      access_log {
        file {
          path = "/dev/stdout"
          format {
            json {
              key   = "status"
              value = "%RESPONSE_CODE%"
            }
          }
        }
      }
    }
    listener {
      port_mapping {
        port     = 8443
        protocol = "http2"
      }
      connection_pool {
        http2 {
          max_requests = 256
        }
      }
      health_check {
        protocol            = "http2"
        port                = 8443
        path                = "/healthz"
        healthy_threshold   = 2
        unhealthy_threshold = 5
        interval_millis     = 10000
        timeout_millis      = 5000
      }
      tls {
        mode = "STRICT"
        certificate {
          sds {
            secret_name = "gateway-cert"
          }
        }
        validation {
          subject_alternative_names {
            match {
              exact = ["client.cli.local"]
            }
          }
          trust {
            file {
              certificate_chain = "/etc/ca.pem"
            }
          }
        }
      }
    }
  }
}

resource "aws_appmesh_gateway_route" "cli" {
  name                 = "cli-route"
  mesh_name            = "cli-mesh"
  virtual_gateway_name = aws_appmesh_virtual_gateway.cli.name
  spec {
    priority = 5
    http2_route {
      match {
        prefix = "/api"
        header {
          name = "x-version"
          match {
            range {
              start = 2
              end   = 5
            }
          }
        }
      }
      action {
        target {
          virtual_service {
            virtual_service_name = "api.cli.local"
          }
        }
        rewrite {
          prefix {
            value = "/v2/"
          }
        }
      }
    }
  }
}
`;

async function awsCliPresent(): Promise<boolean> {
  try {
    await execFileAsync('aws', ['--version'], { timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}
const hasAwsCli = await awsCliPresent();

describeTerraform('Terraform import and refused configurations', () => {
  let server: InProcessServer;
  let home: string;

  beforeAll(async () => {
    server = await startMeshconsole();
    home = mkdtempSync(join(tmpdir(), 'meshconsole-tf-cli-'));
    writeFileSync(join(home, 'config'), '');
    writeFileSync(join(home, 'credentials'), '');
  });
  afterAll(async () => {
    await server?.close();
    rmSync(home, { recursive: true, force: true });
  });

  function aws(args: string[]) {
    return execFileAsync('aws', ['appmesh', ...args, '--endpoint-url', server.url, '--output', 'json'], {
      timeout: 60_000,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'example',
        AWS_DEFAULT_REGION: REGION,
        AWS_CONFIG_FILE: join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
      },
    });
  }

  it('when resources made with the AWS CLI are imported, then a plan of the matching configuration shows no changes', async () => {
    if (!hasAwsCli) {
      // The CLI-made resources are the point of this case; without the CLI it cannot be what it says.
      console.log('Terraform import case not run: aws (the AWS CLI) is not on PATH');
      expect(hasAwsCli).toBe(false);
      return;
    }
    await aws(['create-mesh', '--mesh-name', 'cli-mesh']);
    await aws([
      'create-virtual-service',
      '--mesh-name',
      'cli-mesh',
      '--virtual-service-name',
      'api.cli.local',
      '--spec',
      '{}',
    ]);
    await aws([
      'create-virtual-gateway',
      '--mesh-name',
      'cli-mesh',
      '--virtual-gateway-name',
      'cli-gw',
      '--spec',
      JSON.stringify(GATEWAY_SPEC),
      '--tags',
      'key=origin,value=aws-cli',
    ]);
    await aws([
      'create-gateway-route',
      '--mesh-name',
      'cli-mesh',
      '--virtual-gateway-name',
      'cli-gw',
      '--gateway-route-name',
      'cli-route',
      '--spec',
      JSON.stringify(ROUTE_SPEC),
    ]);

    const tf = new TerraformDir('import');
    try {
      tf.write('provider.tf', providerBlock(server.url));
      tf.write('main.tf', IMPORTED_CONFIG);
      await tf.init();
      await tf.ok('import', '-input=false', 'aws_appmesh_virtual_gateway.cli', 'cli-mesh/cli-gw');
      await tf.ok('import', '-input=false', 'aws_appmesh_gateway_route.cli', 'cli-mesh/cli-gw/cli-route');
      expect(await tf.stateList()).toEqual(['aws_appmesh_gateway_route.cli', 'aws_appmesh_virtual_gateway.cli']);
      await tf.planClean();
    } finally {
      tf.dispose();
    }
  });

  it('when the service refuses a configuration, then apply fails with its message and leaves no resource behind', async () => {
    const tf = new TerraformDir('refused');
    try {
      tf.write('provider.tf', providerBlock(server.url));
      tf.write(
        'main.tf',
        `
resource "aws_appmesh_mesh" "mesh" {
  name = "refusing-mesh"
}

resource "aws_appmesh_virtual_gateway" "bad" {
  name      = "bad-gw"
  mesh_name = aws_appmesh_mesh.mesh.name
  tags      = { a = "b" }
  spec {
    listener {
      port_mapping {
        port     = 8080
        protocol = "http"
      }
      connection_pool {
        http2 {
          max_requests = 10
        }
      }
    }
  }
}

resource "aws_appmesh_gateway_route" "reserved" {
  name                 = "reserved"
  mesh_name            = aws_appmesh_mesh.mesh.name
  virtual_gateway_name = "missing-gw"
  spec {
    http_route {
      match {
        prefix = "/aws-appmesh/admin"
      }
      action {
        target {
          virtual_service {
            virtual_service_name = "nowhere.local"
          }
        }
      }
    }
  }
}
`,
      );
      await tf.init();
      const out = await tf.expectCode(1, 'apply', '-auto-approve', '-input=false');
      expect(out.stderr).toContain(
        'BadRequestException: The connection pool must match the listener protocol: use a http connection pool',
      );
      expect(out.stderr).toContain('BadRequestException: Prefix must not start with /aws-appmesh');
      // The mesh was valid and exists; the refused resources are neither in the state nor in the mesh.
      expect(await tf.stateList()).toEqual(['aws_appmesh_mesh.mesh']);
      const gateways = await consoleApi(server.url, 'GET', '/api/meshes/refusing-mesh/virtual-gateways');
      expect(gateways.body).toEqual({ items: [] });
      await tf.ok('destroy', '-auto-approve', '-input=false');
      expect(await tf.stateList()).toEqual([]);
    } finally {
      tf.dispose();
    }
  });
});
