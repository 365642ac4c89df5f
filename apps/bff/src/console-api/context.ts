import type { Engine } from '@meshconsole/engine';
import type { MeshApi } from '@meshconsole/model';
import type { Config } from '../config.js';

/** What the console API routers need. The console always acts as the configured account. */
export interface ConsoleApiDeps {
  config: Config;
  /** The MeshApi the console uses: the local engine for ACCOUNT_ID, or the real-mesh adapter. */
  meshApi: () => MeshApi;
  /** The local engine; undefined with MESH_BACKEND=appmesh. */
  engine: Engine | undefined;
}
