// Several meshconsole processes (src/main.ts, each its own Node process and connection pool) on one
// PostgreSQL database, as replicas behind a load balancer: the App Mesh semantics must be those of one.
import { freshTestSchema } from '@meshconsole/postgres-sandbox/vitest-setup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, exampleSpec } from './http-client.js';
import { type ProcessServer, startServerProcess } from './support/server.js';

const V = '/v20190125';
const REPLICAS = 3;

interface GatewayBody {
  virtualGatewayName: string;
  metadata: { version: number; uid: string; arn: string };
}

describe('three replicas on one PostgreSQL database', () => {
  let db: Awaited<ReturnType<typeof freshTestSchema>>;
  const replicas: ProcessServer[] = [];
  /** Every process started, the killed one too (its temporary folder is removed at the end). */
  const started: ProcessServer[] = [];
  const env = () => ({ MESH_DB: db.url, SEED: 'demo', QUOTA_VIRTUAL_GATEWAYS_PER_MESH: '100000', RATE_LIMIT: '0' });
  const wire = <T = unknown>(replica: number, method: string, path: string, body?: unknown) =>
    call<T>(replicas[replica % replicas.length]!.url, method, `${V}${path}`, {
      csrf: false,
      ...(body === undefined ? {} : { body }),
    });

  beforeAll(async () => {
    db = await freshTestSchema();
    // All three start at once on the empty database: they migrate it and seed the demo data together.
    replicas.push(...(await Promise.all(Array.from({ length: REPLICAS }, () => startServerProcess(env())))));
    started.push(...replicas);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(started.map((r) => r.close()));
    await db?.drop();
  });

  it('when they start together on an empty database with SEED=demo, then each is ready and the demo data is there once', async () => {
    for (let i = 0; i < REPLICAS; i++) {
      expect((await call(replicas[i]!.url, 'GET', '/readyz')).status).toBe(200);
      const meshes = await wire<{ meshes: { meshName: string }[] }>(i, 'GET', '/meshes');
      expect(meshes.body.meshes.map((m) => m.meshName)).toEqual(['demo-mesh', 'partner-mesh']);
      const gateways = await wire<{ virtualGateways: { virtualGatewayName: string; version: number }[] }>(
        i,
        'GET',
        '/meshes/demo-mesh/virtualGateways',
      );
      expect(gateways.body.virtualGateways.map((g) => [g.virtualGatewayName, g.version])).toEqual([
        ['edge-gw', 1],
        ['ingress-gw', 1],
      ]);
    }
  });

  it('when 8 clients race to create one name through different replicas, then exactly 1 wins and 7 get ConflictException', async () => {
    expect((await wire(0, 'PUT', '/meshes', { meshName: 'race' })).status).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        wire<GatewayBody>(i, 'PUT', '/meshes/race/virtualGateways', {
          virtualGatewayName: 'contended',
          spec: exampleSpec(9000 + i),
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const conflicts = answers.filter((a) => a.status === 409);
    for (const conflict of conflicts) expect(conflict.headers.get('x-amzn-errortype')).toBe('ConflictException');
    const winner = answers.find((a) => a.status === 200)!;
    for (let i = 0; i < REPLICAS; i++) {
      const described = await wire<GatewayBody>(i, 'GET', '/meshes/race/virtualGateways/contended');
      expect(described.body.metadata.uid).toBe(winner.body.metadata.uid);
    }
  });

  it('when 4 clients update one gateway through different replicas, then the versions are exactly 2..41, none lost', async () => {
    await wire(0, 'PUT', '/meshes', { meshName: 'updates' });
    await wire(1, 'PUT', '/meshes/updates/virtualGateways', { virtualGatewayName: 'hot', spec: exampleSpec() });
    const UPDATES = 10;
    const perClient = await Promise.all(
      Array.from({ length: 4 }, async (_, client) => {
        const versions: number[] = [];
        for (let i = 0; i < UPDATES; i++) {
          const res = await wire<GatewayBody>(client + i, 'PUT', '/meshes/updates/virtualGateways/hot', {
            spec: exampleSpec(10_000 + client * 100 + i),
          });
          expect(res.status, res.text).toBe(200);
          versions.push(res.body.metadata.version);
        }
        return versions;
      }),
    );
    // Each client saw its own versions rise; together they are every version once.
    for (const versions of perClient) expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(perClient.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 4 * UPDATES }, (_, i) => i + 2));
    for (let i = 0; i < REPLICAS; i++) {
      const described = await wire<GatewayBody>(i, 'GET', '/meshes/updates/virtualGateways/hot');
      expect(described.body.metadata.version).toBe(4 * UPDATES + 1);
    }
  });

  it("when the console's requests alternate between replicas, then it works as on one server", async () => {
    let turn = 0;
    const consoleCall = <T = unknown>(method: string, path: string, body?: unknown) =>
      call<T>(replicas[turn++ % REPLICAS]!.url, method, `/api${path}`, body === undefined ? {} : { body });
    const base = '/meshes/demo-mesh/virtual-gateways';
    for (const name of ['alt-a', 'alt-b', 'alt-c']) {
      const created = await consoleCall<GatewayBody>('POST', base, { virtualGatewayName: name, spec: exampleSpec() });
      expect(created.status, created.text).toBe(201);
    }
    // A page from one replica, the next page from another: the nextToken is signed with the shared secret.
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const query: string = nextToken ? `&nextToken=${encodeURIComponent(nextToken)}` : '';
      const page = await consoleCall<{ items: GatewayBody[]; nextToken?: string }>('GET', `${base}?limit=2${query}`);
      expect(page.status, page.text).toBe(200);
      names.push(...page.body.items.map((g) => g.virtualGatewayName));
      nextToken = page.body.nextToken;
    } while (nextToken);
    expect(names).toEqual(['alt-a', 'alt-b', 'alt-c', 'edge-gw', 'ingress-gw']);

    const updated = await consoleCall<GatewayBody>('PUT', `${base}/alt-b`, { spec: exampleSpec(9443) });
    expect(updated.body.metadata.version).toBe(2);
    const described = await consoleCall<GatewayBody & { spec: unknown }>('GET', `${base}/alt-b`);
    expect(described.body.metadata.version).toBe(2);
    expect(described.body.spec).toEqual(exampleSpec(9443));
    const arn = described.body.metadata.arn;
    expect(
      (await consoleCall('POST', '/tags', { resourceArn: arn, tags: [{ key: 'team', value: 'mesh' }] })).status,
    ).toBe(200);
    const tags = await consoleCall<{ tags: unknown[] }>('GET', `/tags?resourceArn=${encodeURIComponent(arn)}`);
    expect(tags.body.tags).toEqual([{ key: 'team', value: 'mesh' }]);
    expect((await consoleCall('DELETE', `${base}/alt-b`)).status).toBe(200);
    const gone = await consoleCall<{ error: { code: string } }>('GET', `${base}/alt-b`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('NotFoundException');
  });

  it('when one replica is killed with SIGKILL mid-storm, then no acknowledged write is lost and the others keep answering', async () => {
    await wire(0, 'PUT', '/meshes', { meshName: 'storm' });
    const victim = REPLICAS - 1;
    const acknowledged: string[] = [];
    const survivorFailures: string[] = [];
    let killedAt = -1;
    let afterKill = 0;
    let stop = false;
    const client = async (c: number) => {
      for (let i = 0; !stop; i++) {
        const name = `storm-${c}-${i}`;
        const target = (c + i) % REPLICAS;
        try {
          const res = await wire<GatewayBody>(target, 'PUT', '/meshes/storm/virtualGateways', {
            virtualGatewayName: name,
            spec: exampleSpec(),
          });
          if (res.status === 200) {
            acknowledged.push(name);
            if (killedAt >= 0 && target !== victim) afterKill++;
          } else if (target !== victim) survivorFailures.push(`${name}: ${res.status} ${res.text}`);
        } catch (error) {
          // The victim's connection dropped, or it refuses new ones: not acknowledged, possibly applied.
          if (target !== victim || killedAt < 0) survivorFailures.push(`${name}: ${String(error)}`);
        }
      }
    };
    const clients = Array.from({ length: 6 }, (_, c) => client(c));
    const deadline = Date.now() + 60_000;
    while (acknowledged.length < 60 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    killedAt = acknowledged.length;
    replicas[victim]!.child.kill('SIGKILL');
    while (afterKill < 60 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    stop = true;
    await Promise.all(clients);

    expect(killedAt).toBeGreaterThanOrEqual(60);
    expect(afterKill).toBeGreaterThanOrEqual(60);
    expect(survivorFailures).toEqual([]);
    // A new replica joins and reads everything acknowledged, through the App Mesh API's pages.
    const replacement = await startServerProcess(env());
    started.push(replacement);
    replicas[victim] = replacement;
    const present = new Set<string>();
    let nextToken: string | undefined;
    do {
      const query: string = nextToken ? `&nextToken=${encodeURIComponent(nextToken)}` : '';
      const page = await wire<{ virtualGateways: { virtualGatewayName: string }[]; nextToken?: string }>(
        victim,
        'GET',
        `/meshes/storm/virtualGateways?limit=100${query}`,
      );
      for (const g of page.body.virtualGateways) present.add(g.virtualGatewayName);
      nextToken = page.body.nextToken;
    } while (nextToken);
    expect(acknowledged.filter((name) => !present.has(name))).toEqual([]);
    // Only writes that were in flight on the victim may exist unacknowledged.
    expect(present.size - acknowledged.length).toBeLessThanOrEqual(6);
  }, 120_000);

  it('when replicas log their start, then the database password is not in any line', () => {
    const password = decodeURIComponent(new URL(db.url).password);
    expect(password.length).toBeGreaterThan(8);
    for (const replica of replicas) {
      expect(replica.stdout()).toMatch(/"db":"postgres:\/\/[^"]*\*\*\*@/);
      expect(replica.stdout() + replica.stderr()).not.toContain(password);
    }
  });
});
