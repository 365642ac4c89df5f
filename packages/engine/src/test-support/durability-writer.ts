/**
 * Child process for the durability test: creates virtual gateways in a loop, printing
 * `ack <name>` after each create has returned (i.e. after its transaction committed).
 * The parent kills it with SIGKILL at an arbitrary moment.
 * Usage: node --import tsx durability-writer.ts <db-file|postgres-url>
 */
import { createEngine } from '../engine';
import { isPostgresUrl, PostgresStore } from '../store/postgres-store';
import { SqliteStore } from '../store/sqlite-store';

const target = process.argv[2];
if (!target) throw new Error('usage: durability-writer.ts <db-file|postgres-url>');

const engine = createEngine({
  store: isPostgresUrl(target) ? await PostgresStore.open(target) : new SqliteStore(target),
  region: 'us-west-2',
  quotas: { virtualGatewaysPerMesh: 1_000_000 },
});
const api = engine.forCaller('123456789012');
await api.createMesh({ meshName: 'durable' });
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const virtualGatewayName = `gw-${String(i).padStart(7, '0')}`;
  await api.createVirtualGateway({
    meshName: 'durable',
    virtualGatewayName,
    spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    tags: [{ key: 'i', value: String(i) }],
  });
  process.stdout.write(`ack ${virtualGatewayName}\n`);
}
