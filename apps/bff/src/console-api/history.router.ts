// Resource history and delete plans: `/api/meshes/:mesh[/...]/history` and `.../delete-plan`
// (docs/architecture.md, "Console API"). Not App Mesh operations; the local mesh keeps the history.
import express, { type Router } from 'express';
import type { ConsoleApiDeps } from './context.js';
import { getDeletePlan, type PlanTarget, runPlan } from './delete-plans.service.js';
import { listHistory } from './history.service.js';

export function historyRouter({ meshApi, config }: ConsoleApiDeps): Router {
  const router = express.Router();
  const mesh = '/meshes/:mesh';
  const gateway = `${mesh}/virtual-gateways/:name`;
  const service = `${mesh}/virtual-services/:name`;

  router.get(`${mesh}/history`, async (req, res) => {
    res.json(await listHistory(meshApi(), { resourceType: 'mesh', meshName: req.params.mesh }, req.query));
  });
  router.get(`${gateway}/history`, async (req, res) => {
    const { mesh: meshName, name } = req.params;
    res.json(
      await listHistory(meshApi(), { resourceType: 'virtualGateway', meshName, virtualGatewayName: name }, req.query),
    );
  });
  router.get(`${gateway}/gateway-routes/:route/history`, async (req, res) => {
    const { mesh: meshName, name, route } = req.params;
    const target = {
      resourceType: 'gatewayRoute',
      meshName,
      virtualGatewayName: name,
      gatewayRouteName: route,
    } as const;
    res.json(await listHistory(meshApi(), target, req.query));
  });
  router.get(`${service}/history`, async (req, res) => {
    const { mesh: meshName, name } = req.params;
    res.json(
      await listHistory(meshApi(), { resourceType: 'virtualService', meshName, virtualServiceName: name }, req.query),
    );
  });

  const plans: [string, (params: Record<string, string | string[] | undefined>) => PlanTarget][] = [
    [`${mesh}/delete-plan`, (p) => ({ resourceType: 'mesh', meshName: String(p.mesh) })],
    [
      `${gateway}/delete-plan`,
      (p) => ({ resourceType: 'virtualGateway', meshName: String(p.mesh), virtualGatewayName: String(p.name) }),
    ],
    [
      `${service}/delete-plan`,
      (p) => ({ resourceType: 'virtualService', meshName: String(p.mesh), virtualServiceName: String(p.name) }),
    ],
  ];
  for (const [path, target] of plans) {
    router.get(path, async (req, res) => {
      res.json(await getDeletePlan(meshApi(), config.accountId, target(req.params), req.query));
    });
    router.post(path, async (req, res) => {
      res.json(await runPlan(meshApi(), config.accountId, target(req.params), req.query, req.body ?? {}));
    });
  }
  return router;
}
