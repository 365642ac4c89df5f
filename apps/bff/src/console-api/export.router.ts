// `GET /api/meshes/:mesh/export?format=<f>[&virtualGateway=<name>][&meshOwner=]`: the mesh's virtual
// services, virtual gateways and gateway routes (or one gateway's) in another tool's format
// (packages/export). Everything is read through the console's MeshApi.
import { exportMesh, type Tagged } from '@meshconsole/export';
import { AppMeshError, ExportQuerySchema, type MeshApi, parseOrThrow, type TagRef } from '@meshconsole/model';
import express, { type Router } from 'express';
import type { ConsoleApiDeps } from './context.js';
import { listGatewayRoutes } from './gateway-routes.service.js';
import { describeMesh } from './meshes.service.js';
import { listVirtualGateways } from './virtual-gateways.service.js';
import { listVirtualServices } from './virtual-services.service.js';

/** Every item of a console list, page after page. */
async function all<T>(list: (query: Record<string, string>) => Promise<{ items: T[]; nextToken?: string }>) {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const out = await list(nextToken ? { nextToken } : {});
    items.push(...out.items);
    nextToken = out.nextToken;
  } while (nextToken);
  return items;
}

async function tagsOf(api: MeshApi, resourceArn: string): Promise<TagRef[]> {
  const tags: TagRef[] = [];
  let nextToken: string | undefined;
  try {
    do {
      const out = await api.listTagsForResource({ resourceArn, ...(nextToken ? { nextToken } : {}) });
      tags.push(...out.tags);
      nextToken = out.nextToken ?? undefined;
    } while (nextToken);
  } catch (err) {
    // Only a resource's owner lists its tags: a shared mesh's resources export without them.
    if (err instanceof AppMeshError && err.name === 'ForbiddenException') return [];
    throw err;
  }
  return tags;
}

function tagged<T extends { metadata: { arn: string } }>(api: MeshApi, items: T[]): Promise<Tagged<T>[]> {
  return Promise.all(items.map(async (data) => ({ data, tags: await tagsOf(api, data.metadata.arn) })));
}

export function exportRouter(deps: ConsoleApiDeps): Router {
  const router = express.Router();
  router.get('/meshes/:mesh/export', async (req, res) => {
    const query = parseOrThrow(ExportQuerySchema, {
      format: req.query.format,
      virtualGateway: req.query.virtualGateway,
      meshOwner: req.query.meshOwner,
    });
    const api = deps.meshApi();
    const scope = { meshName: req.params.mesh, ...(query.meshOwner ? { meshOwner: query.meshOwner } : {}) };
    const owner = query.meshOwner ? { meshOwner: query.meshOwner } : {};
    const mesh = await describeMesh(api, req.params.mesh, query.meshOwner);
    let gateways = await all((q) => listVirtualGateways(api, scope, { ...q, ...owner }));
    if (query.virtualGateway !== undefined) {
      gateways = gateways.filter((g) => g.virtualGatewayName === query.virtualGateway);
      if (gateways.length === 0) {
        throw new AppMeshError(
          'NotFoundException',
          `VirtualGateway with name ${query.virtualGateway} is not present under mesh ${mesh.meshName}.`,
          { virtualGateway: [`No virtual gateway named ${query.virtualGateway} in mesh ${mesh.meshName}.`] },
        );
      }
    }
    const routes = (
      await Promise.all(
        gateways.map((g) =>
          all((q) =>
            listGatewayRoutes(api, { ...scope, virtualGatewayName: g.virtualGatewayName }, { ...q, ...owner }),
          ),
        ),
      )
    ).flat();
    let services = await all((q) => listVirtualServices(api, scope, { ...q, ...owner }));
    if (query.virtualGateway !== undefined) {
      // One gateway: the virtual services its routes target.
      const targets = new Set(
        routes.map(
          (r) =>
            (r.spec.httpRoute ?? r.spec.http2Route ?? r.spec.grpcRoute)!.action.target.virtualService
              .virtualServiceName,
        ),
      );
      services = services.filter((s) => targets.has(s.virtualServiceName));
    }
    const result = exportMesh(
      {
        // The console's account is known for the local mesh; with MESH_BACKEND=appmesh the SDK's credentials decide it.
        ...(deps.config.meshBackend === 'local' ? { accountId: deps.config.accountId } : {}),
        mesh: { data: mesh, tags: await tagsOf(api, mesh.metadata.arn) },
        virtualServices: await tagged(api, services),
        virtualGateways: await tagged(api, gateways),
        gatewayRoutes: await tagged(api, routes),
      },
      query.format,
    );
    res.json(result);
  });
  return router;
}
