import { test as base, expect } from '@playwright/test';
import { ConsoleApi, type FixedData, type SeedCreated, type SeedDocument } from './console-api';
import { MeshconsoleServer } from './server';

/** The `meshconsole` fixture: the server a test drives, and its test data. */
export interface Meshconsole {
  /** The server's URL (`http://127.0.0.1:<port>`); the `baseURL` of `page.goto('/meshes')`. */
  baseURL: string;
  /** Empties the store (or fills it with the demo data); fixed time and ids as the test's `meshconsoleFixed`. */
  reset(seed?: 'none' | 'demo'): Promise<void>;
  /** Loads a seed document; a bad one is refused whole (the error names its first bad field) and changes nothing. */
  seed(document: SeedDocument): Promise<SeedCreated>;
  /** A small typed client of the console API (CSRF header on writes). */
  api: ConsoleApi;
}

export interface MeshconsoleTestFixtures {
  meshconsole: Meshconsole;
  /** Option: fixed time and ids for this test's data (`test.use({ meshconsoleFixed: { time, ids } })`). */
  meshconsoleFixed: FixedData;
}

export interface MeshconsoleWorkerFixtures {
  /** Option: settings for each worker's server process (ACCOUNT_ID, QUOTA_*, FIXED_TIME, ...). */
  meshconsoleServerEnv: Record<string, string>;
  /** The worker's server: its own process, port and in-memory store; or MESHCONSOLE_URL's server. */
  meshconsoleServer: { baseURL: string };
}

/**
 * Playwright's `test`, with `meshconsole`. Each worker starts its own meshconsole (from this package:
 * no checkout of meshconsole needed) on a free port with its own in-memory store, so workers never see
 * each other's data; each test starts from an empty store. With MESHCONSOLE_URL set, every worker uses
 * that server instead (then run one worker: they would reset each other's data).
 */
export const test = base.extend<MeshconsoleTestFixtures, MeshconsoleWorkerFixtures>({
  meshconsoleServerEnv: [{}, { option: true, scope: 'worker' }],
  meshconsoleServer: [
    async ({ meshconsoleServerEnv }, use) => {
      const url = process.env.MESHCONSOLE_URL;
      if (url) {
        await use({ baseURL: url.replace(/\/+$/, '') });
        return;
      }
      const server = await MeshconsoleServer.start({ env: meshconsoleServerEnv });
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    // Starting and warming a server takes seconds on a busy machine; it is not the first test's time.
    { scope: 'worker', timeout: 120_000 },
  ],
  meshconsoleFixed: [{}, { option: true }],
  baseURL: async ({ meshconsoleServer }, use) => {
    await use(meshconsoleServer.baseURL);
  },
  meshconsole: async ({ meshconsoleServer, meshconsoleFixed }, use) => {
    const api = new ConsoleApi(meshconsoleServer.baseURL);
    const meshconsole: Meshconsole = {
      baseURL: meshconsoleServer.baseURL,
      api,
      reset: (seed = 'none') => api.reset(seed, meshconsoleFixed),
      seed: (document) => api.seed(document),
    };
    await meshconsole.reset('none');
    await use(meshconsole);
  },
});

export { expect };
