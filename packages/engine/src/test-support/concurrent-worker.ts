/**
 * Child process for the concurrency tests: opens its own connection to the shared store (a SQLite
 * file or a PostgreSQL URL), prints `ready`, waits for `go` on stdin (so all workers start together),
 * runs its job and prints one JSON line with the outcome.
 * Usage: node --import tsx concurrent-worker.ts <db-file|postgres-url> create <gateway-name>
 *        node --import tsx concurrent-worker.ts <db-file|postgres-url> update <gateway-name> <times>
 */
import { AppMeshError } from '@meshconsole/model';
import { createEngine } from '../engine';
import { isPostgresUrl, PostgresStore } from '../store/postgres-store';
import { SqliteStore } from '../store/sqlite-store';

const [target, job, name, times] = process.argv.slice(2);
if (!target || !job || !name) {
  throw new Error('usage: concurrent-worker.ts <db-file|postgres-url> <create|update> <name> [times]');
}

const engine = createEngine({
  store: isPostgresUrl(target)
    ? await PostgresStore.open(target, { poolSize: 2 })
    : new SqliteStore(target, { busyTimeoutMs: 20_000 }),
  region: 'us-west-2',
  quotas: { virtualGatewaysPerMesh: 1000 },
});
const api = engine.forCaller('123456789012');
const spec = (port: number) => ({ listeners: [{ portMapping: { port, protocol: 'http' as const } }] });

process.stdout.write('ready\n');
await new Promise<void>((resolve) => {
  process.stdin.on('data', (chunk) => {
    if (chunk.toString().includes('go')) resolve();
  });
});

if (job === 'create') {
  try {
    const { virtualGateway } = await api.createVirtualGateway({
      meshName: 'm',
      virtualGatewayName: name,
      spec: spec(8080),
    });
    process.stdout.write(`${JSON.stringify({ outcome: 'created', uid: virtualGateway.metadata.uid })}\n`);
  } catch (error) {
    process.stdout.write(
      `${JSON.stringify({ outcome: error instanceof AppMeshError ? error.name : String(error) })}\n`,
    );
  }
} else {
  const versions: number[] = [];
  const errors: string[] = [];
  for (let i = 0; i < Number(times ?? 1); i++) {
    try {
      const { virtualGateway } = await api.updateVirtualGateway({
        meshName: 'm',
        virtualGatewayName: name,
        spec: spec(1000 + i),
      });
      versions.push(virtualGateway.metadata.version);
    } catch (error) {
      errors.push(error instanceof AppMeshError ? `${error.name}: ${error.message}` : String(error));
    }
  }
  process.stdout.write(`${JSON.stringify({ outcome: 'updated', versions, errors })}\n`);
}
await engine.close();
process.exit(0);
