// Several processes on one store, and a process killed mid-write: the same tests for a SQLite file
// and for a PostgreSQL database (each process its own connection, as replicas would be).
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freshTestSchema } from '@meshconsole/postgres-sandbox/vitest-setup';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../engine';
import { killHard, startScript } from '../test-support/child-script';
import { gatewaySpec, ME, REGION, tempDir } from '../test-support/fixtures';
import { PostgresStore } from './postgres-store';
import { SqliteStore } from './sqlite-store';
import type { Store } from './store';

interface SharedStore {
  /** What the child processes are given: a file path or a URL. */
  target: string;
  open(): Promise<Store>;
  /** After the kill: the store's own integrity check, where it has one. */
  integrity?(): string;
  cleanup(): Promise<void>;
}

const TARGETS: { name: string; prepare(): Promise<SharedStore> }[] = [
  {
    name: 'a SQLite file',
    prepare: async () => {
      const { dir, cleanup } = tempDir();
      const file = join(dir, 'shared.db');
      return {
        target: file,
        open: async () => new SqliteStore(file),
        integrity: () => {
          const store = new SqliteStore(file);
          try {
            return store.integrityCheck();
          } finally {
            void store.close();
          }
        },
        cleanup: async () => cleanup(),
      };
    },
  },
  {
    name: 'a PostgreSQL database',
    prepare: async () => {
      const { url, drop } = await freshTestSchema();
      return { target: url, open: () => PostgresStore.open(url), cleanup: drop };
    },
  },
];

describe.each(TARGETS)('several processes on $name', ({ prepare }) => {
  const children: ChildProcess[] = [];
  const opened: Store[] = [];
  let shared: SharedStore | undefined;

  afterEach(async () => {
    for (const child of children.splice(0)) killHard(child);
    for (const store of opened.splice(0)) await store.close();
    await shared?.cleanup();
    shared = undefined;
  });

  async function openApi(quotas: { virtualGatewaysPerMesh: number }) {
    shared ??= await prepare();
    const store = await shared.open();
    opened.push(store);
    return createEngine({ store, region: REGION, quotas }).forCaller(ME);
  }

  it('when a writer is killed with SIGKILL mid-stream, then every acknowledged write survives and the store is intact', async () => {
    shared = await prepare();
    const writer = startScript('durability-writer.ts', [shared.target]);
    children.push(writer.child);
    await writer.waitFor((line) => line === 'ready');
    // Let it write for a while, then kill it without warning at an arbitrary point.
    await writer.waitFor((line) => line.startsWith('ack gw-0000150'));
    await new Promise((resolve) => setTimeout(resolve, 37));
    writer.child.kill('SIGKILL');
    await writer.exited;
    const acknowledged = writer.lines.filter((line) => line.startsWith('ack ')).map((line) => line.slice(4));
    expect(acknowledged.length).toBeGreaterThanOrEqual(151);

    if (shared.integrity) expect(shared.integrity()).toBe('ok');
    const api = await openApi({ virtualGatewaysPerMesh: 1_000_000 });
    const present = new Set<string>();
    let nextToken: string | undefined;
    do {
      const page = await api.listVirtualGateways({ meshName: 'durable', limit: 100, nextToken });
      for (const gateway of page.virtualGateways) present.add(gateway.virtualGatewayName);
      nextToken = page.nextToken;
    } while (nextToken);
    const lost = acknowledged.filter((name) => !present.has(name));
    expect(lost).toEqual([]);
    // At most the one write in flight at the kill may exist without an acknowledgement.
    expect(present.size - acknowledged.length).toBeLessThanOrEqual(1);
    const last = acknowledged.at(-1)!;
    const { virtualGateway } = await api.describeVirtualGateway({ meshName: 'durable', virtualGatewayName: last });
    const tags = await api.listTagsForResource({ resourceArn: virtualGateway.metadata.arn });
    expect(tags.tags).toEqual([{ key: 'i', value: String(Number(last.slice(3))) }]);
  }, 90_000);

  async function runWorkers(argsList: string[][]) {
    const workers = argsList.map((args) => startScript('concurrent-worker.ts', [shared!.target, ...args]));
    children.push(...workers.map((w) => w.child));
    await Promise.all(workers.map((w) => w.waitFor((line) => line === 'ready', 60_000)));
    for (const worker of workers) worker.child.stdin?.write('go\n');
    const results = await Promise.all(workers.map((w) => w.waitFor((line) => line.startsWith('{'), 60_000)));
    return results.map((line) => JSON.parse(line) as { outcome: string; versions?: number[]; errors?: string[] });
  }

  it('when 8 processes create the same gateway at once, then exactly one succeeds and the rest get ConflictException', async () => {
    const api = await openApi({ virtualGatewaysPerMesh: 1000 });
    await api.createMesh({ meshName: 'm' });
    const outcomes = (await runWorkers(Array.from({ length: 8 }, () => ['create', 'contended']))).map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'ConflictException')).toHaveLength(7);
    const { virtualGateways } = await api.listVirtualGateways({ meshName: 'm' });
    expect(virtualGateways.map((g) => g.virtualGatewayName)).toEqual(['contended']);
  }, 120_000);

  it('when 4 processes update one gateway 15 times each, then no version is lost or repeated', async () => {
    const api = await openApi({ virtualGatewaysPerMesh: 1000 });
    await api.createMesh({ meshName: 'm' });
    await api.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'hot', spec: gatewaySpec() });
    const results = await runWorkers(Array.from({ length: 4 }, () => ['update', 'hot', '15']));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const versions = results.flatMap((r) => r.versions ?? []).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 60 }, (_, i) => i + 2));
    const { virtualGateway } = await api.describeVirtualGateway({ meshName: 'm', virtualGatewayName: 'hot' });
    expect(virtualGateway.metadata.version).toBe(61);
  }, 120_000);
});
