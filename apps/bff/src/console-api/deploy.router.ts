// Deployment bundles for a virtual gateway (packages/deploy): the artifacts as JSON, or the whole
// bundle as one tar file. The gateway is described through the console's MeshApi; bad options are a
// 400 BadRequestException whose fieldErrors are keyed by option name.
import {
  bundleArchive,
  type DeployBundle,
  DeployOptionsError,
  type DeployOptionsInput,
  generateBundle,
} from '@meshconsole/deploy';
import express, { type Request, type Router } from 'express';
import { AppError } from '../http/app-error.js';
import type { ConsoleApiDeps } from './context.js';
import { describeVirtualGateway } from './virtual-gateways.service.js';

type DeployRequest = Request<{ mesh: string; name: string }>;

const OPTION_NAMES = [
  'namespace',
  'replicas',
  'envoyImage',
  'clusterName',
  'region',
  'iamRoleArn',
  'adminPort',
] as const;

/** The options from the query string (repeated parameters stay arrays, so they fail validation). */
function optionsOf(query: Request['query']): DeployOptionsInput {
  const options: Record<string, unknown> = {};
  for (const name of OPTION_NAMES) if (query[name] !== undefined) options[name] = query[name];
  return options as DeployOptionsInput;
}

async function bundleFor(deps: ConsoleApiDeps, req: DeployRequest) {
  const gateway = await describeVirtualGateway(
    deps.meshApi(),
    { meshName: req.params.mesh, meshOwner: req.query.meshOwner },
    req.params.name,
  );
  // The caller's account is known for the local mesh (ACCOUNT_ID). With MESH_BACKEND=appmesh the SDK's
  // credentials decide it, so the generator falls back to the gateway's own metadata (mesh vs resource owner).
  const callerAccountId = deps.config.meshBackend === 'local' ? deps.config.accountId : undefined;
  let bundle: DeployBundle;
  try {
    bundle = generateBundle(gateway, optionsOf(req.query), { callerAccountId });
  } catch (err) {
    if (err instanceof DeployOptionsError) {
      throw new AppError('BadRequestException', err.message, {
        fieldErrors: err.fieldErrors as Record<string, string[]>,
      });
    }
    throw err;
  }
  return { gateway, bundle };
}

/** `attachment; filename="..."` with an ASCII fallback and the RFC 5987 form. */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function deployRouter(deps: ConsoleApiDeps): Router {
  const router = express.Router();
  const base = '/meshes/:mesh/virtual-gateways/:name/deploy';
  router.get(base, async (req, res) => {
    res.json((await bundleFor(deps, req)).bundle);
  });
  router.get(`${base}/bundle`, async (req, res) => {
    const { gateway, bundle } = await bundleFor(deps, req);
    const archive = bundleArchive(gateway, bundle, Math.floor(Date.now() / 1000));
    res.setHeader('Content-Type', archive.mediaType);
    res.setHeader('Content-Disposition', attachment(archive.filename));
    res.setHeader('Content-Length', String(archive.bytes.length));
    res.end(Buffer.from(archive.bytes.buffer, archive.bytes.byteOffset, archive.bytes.length));
  });
  return router;
}
