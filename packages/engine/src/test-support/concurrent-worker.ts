/**
 * Child process for the concurrency tests: opens its own connection to the shared SQLite file,
 * prints `ready`, waits for `go` on stdin (so all workers start together), runs its job and prints
 * one JSON line with the outcome.
 * Usage: node --import tsx concurrent-worker.ts <db-file> create <gateway-name>
 *        node --import tsx concurrent-worker.ts <db-file> update <gateway-name> <times>
 */
import { AppMeshError } from '@meshconsole/model';
import { createEngine } from '../engine';
import { SqliteStore } from '../store/sqlite-store';

const [file, job, name, times] = process.argv.slice(2);
if (!file || !job || !name) throw new Error('usage: concurrent-worker.ts <db-file> <create|update> <name> [times]');

const engine = createEngine({
  store: new SqliteStore(file, { busyTimeoutMs: 20_000 }),
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
