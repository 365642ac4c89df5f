// Starts meshconsole: parse the configuration, open the backend, listen, and on SIGTERM/SIGINT stop
// accepting, let in-flight requests finish, close the database, exit 0.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { isPostgresUrl } from '@meshconsole/engine';
import { createApp } from './app.js';
import { createBackend, SeedFileError } from './backend.js';
import { ConfigError, loadConfig, redactMeshDb } from './config.js';
import { createLogger } from './logger.js';
import { backendStartupMessage, listenStartupMessage } from './startup-errors.js';

/** How long in-flight requests get after a stop signal before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, (p) => resolve(process.cwd(), p));
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`meshconsole: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  let backend: Awaited<ReturnType<typeof createBackend>>;
  try {
    backend = await createBackend(config, logger);
  } catch (err) {
    if (err instanceof SeedFileError) {
      process.stderr.write(`meshconsole: ${err.message}\n`);
      process.exit(1);
    }
    const message = backendStartupMessage(err, config.meshDb, isPostgresUrl(config.meshDb));
    if (message) process.stderr.write(`meshconsole: ${message}\n`);
    else logger.fatal({ err }, 'could not open the mesh backend');
    logger.flush?.();
    process.exit(1);
  }
  const app = createApp({ config, logger, meshApiFor: backend.meshApiFor, engine: backend.engine, ping: backend.ping });

  const server = createServer(app);
  // HOST or PORT unusable (in use, not an address of this machine, privileged): say which, and stop.
  const refuse = (err: Error) => {
    process.stderr.write(`meshconsole: ${listenStartupMessage(err, config.host, config.port)}\n`);
    void backend.close().finally(() => process.exit(1));
  };
  server.once('error', refuse);
  server.listen(config.port, config.host, () => {
    server.off('error', refuse);
    server.on('error', (err) => {
      logger.fatal({ err }, 'the server failed');
      void backend.close().finally(() => process.exit(1));
    });
    const { address, port } = server.address() as AddressInfo;
    const host = address.includes(':') ? `[${address}]` : address;
    logger.info(
      {
        url: `http://${host}:${port}`,
        port,
        backend: config.meshBackend,
        db: redactMeshDb(config.meshDb),
        accountId: config.accountId,
      },
      `meshconsole listening on http://${host}:${port}`,
    );
  });
  // Slow clients cannot hold a connection forever.
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.warn('in-flight requests did not finish in time; closing their connections');
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    // Keep-alive connections that finish their last request are closed as soon as they go idle.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    sweep.unref();
    server.close(async (err) => {
      clearTimeout(force);
      clearInterval(sweep);
      try {
        await backend.close();
      } catch (closeErr) {
        logger.error({ err: closeErr }, 'closing the backend failed');
      }
      logger.info('stopped');
      logger.flush?.();
      process.exit(err ? 1 : 0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

await main();
