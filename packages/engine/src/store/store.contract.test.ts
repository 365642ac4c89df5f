// The store port's contract, checked the same way on every store (memory, SQLite, PostgreSQL): what
// the engine relies on, below any App Mesh rule.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../test-support/fixtures';
import type { ResourceKey, ResourceRecord, ResourceScope, Store, StoredVersion } from './store';

const OWNER = '123456789012';
const OTHER = '111122223333';

function version(n: number, extra: Partial<StoredVersion> = {}): StoredVersion {
  return {
    version: n,
    uid: 'uid-1',
    resourceOwner: OWNER,
    at: 1_700_000_000_000 + n,
    account: OWNER,
    via: 'console',
    status: 'ACTIVE',
    spec: { listeners: [{ portMapping: { protocol: 'http', port: 8000 + n } }], note: 'Ünïcødé "q"' },
    tags: [{ key: 'team', value: `t${n}` }],
    ...extra,
  };
}

function record(kind: ResourceRecord['kind'], name: string, extra: Partial<ResourceRecord> = {}): ResourceRecord {
  const meshName = kind === 'mesh' ? name : 'm';
  return {
    kind,
    meshOwner: OWNER,
    meshName,
    parent: '',
    name,
    arn: `arn:aws:appmesh:us-west-2:${OWNER}:mesh/${meshName}${kind === 'mesh' ? '' : `/${kind}/${name}`}`,
    uid: `uid-${kind}-${extra.meshOwner ?? OWNER}-${extra.parent ?? ''}-${name}`,
    resourceOwner: OWNER,
    version: 1,
    createdAt: 1_700_000_000_123,
    lastUpdatedAt: 1_700_000_000_123,
    spec: {},
    target: null,
    ...extra,
  };
}

const GATEWAYS: ResourceScope = { kind: 'virtualGateway', meshOwner: OWNER, meshName: 'm', parent: '' };
const key = (r: ResourceRecord): ResourceKey => ({
  kind: r.kind,
  meshOwner: r.meshOwner,
  meshName: r.meshName,
  parent: r.parent,
  name: r.name,
});

/** A promise and the function that settles it: lets a test hold a transaction open. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe.each(STORE_KINDS)('store contract on $name', (kind) => {
  let store: Store;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await kind.open());
  });
  afterEach(async () => {
    await cleanup?.();
  });

  it('when a record is written, then it reads back exactly, spec key order and text included', async () => {
    const spec = {
      listeners: [{ portMapping: { protocol: 'http', port: 8080 } }],
      zeta: 'last',
      alpha: 'Ünïcødé ✓ 日本 "quoted" \\ back\nslash',
      nul: 'a\u0000b',
    };
    const gw = record('virtualGateway', 'gw', { spec, version: 7, lastUpdatedAt: 1_700_000_009_999 });
    await store.write((w) => w.insertResource(gw));
    const got = await store.read((r) => r.getResource(key(gw)));
    expect(got).toEqual(gw);
    expect(JSON.stringify(got?.spec)).toBe(JSON.stringify(spec));
    expect(await store.read((r) => r.getResource({ ...key(gw), name: 'other' }))).toBeUndefined();
  });

  it('when names differ only in case or punctuation, then lists order them by code unit, page by page', async () => {
    const names = ['b', 'B', 'a', 'A', '_x', '-x', '0', 'z9', 'é', 'Z', 'a-b', 'a_b', 'ab'];
    await store.write(async (w) => {
      for (const name of names) await w.insertResource(record('virtualGateway', name));
    });
    const sorted = [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await store.read((r) => r.listResources(GATEWAYS, after, 4));
      seen.push(...page.map((x) => x.name));
      if (page.length < 4) break;
      after = page.at(-1)?.name;
    }
    expect(seen).toEqual(sorted);
  });

  it('when a write throws halfway, then nothing it did is kept', async () => {
    await store.write(async (w) => {
      await w.insertResource(record('virtualGateway', 'keep'));
      await w.putTags('uid-keep', [{ key: 'a', value: '1' }]);
      await w.setMeta('k', 'before');
    });
    await expect(
      store.write(async (w) => {
        await w.insertResource(record('virtualGateway', 'new'));
        await w.updateResource({ ...record('virtualGateway', 'keep'), version: 9 });
        await w.removeAllTags('uid-keep');
        await w.setMeta('k', 'after');
        await w.wipe();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await store.read(async (r) => {
      expect((await r.listResources(GATEWAYS, undefined, 10)).map((x) => [x.name, x.version])).toEqual([['keep', 1]]);
      expect(await r.listTags('uid-keep', undefined, 10)).toEqual([{ key: 'a', value: '1' }]);
      expect(await r.getMeta('k')).toBe('before');
      expect(await r.countResources(GATEWAYS, 100)).toBe(1);
    });
  });

  it('when 20 writes in one process read and bump the same record at once, then none is lost', async () => {
    const gw = record('virtualGateway', 'hot');
    await store.write((w) => w.insertResource(gw));
    const versions = await Promise.all(
      Array.from({ length: 20 }, () =>
        store.write(async (w) => {
          const current = (await w.getResource(key(gw)))!;
          const next = { ...current, version: current.version + 1 };
          await w.updateResource(next);
          return next.version;
        }),
      ),
    );
    expect([...versions].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect((await store.read((r) => r.getResource(key(gw))))?.version).toBe(21);
  });

  it('when a read runs while a write is under way, then it never sees the write half done or rolled back', async () => {
    const held = gate();
    const started = gate();
    const writing = store.write(async (w) => {
      await w.insertResource(record('virtualGateway', 'uncommitted'));
      started.open();
      await held.opened;
      await w.insertResource(record('virtualGateway', 'second'));
      throw new Error('rolled back');
    });
    await started.opened;
    const reading = store.read(async (r) => {
      const first = await r.listResources(GATEWAYS, undefined, 10);
      const count = await r.countResources(GATEWAYS, 10);
      return { names: first.map((x) => x.name), count };
    });
    held.open();
    await expect(writing).rejects.toThrow('rolled back');
    expect(await reading).toEqual({ names: [], count: 0 });
    expect(await store.read((r) => r.listResources(GATEWAYS, undefined, 10))).toEqual([]);
  });

  it('when children come and go, then counts follow, capped at the maximum asked for', async () => {
    await store.write(async (w) => {
      await w.insertResource(record('mesh', 'm'));
      await w.insertResource(record('mesh', 'n'));
      for (const name of ['g1', 'g2', 'g3']) await w.insertResource(record('virtualGateway', name));
      await w.insertResource(record('gatewayRoute', 'r1', { parent: 'g1' }));
    });
    await store.read(async (r) => {
      expect(await r.countResources(GATEWAYS, 100)).toBe(3);
      expect(await r.countResources(GATEWAYS, 2)).toBe(2);
      expect(await r.countResources({ ...GATEWAYS, kind: 'gatewayRoute', parent: 'g1' }, 100)).toBe(1);
      expect(await r.countResources({ ...GATEWAYS, kind: 'gatewayRoute', parent: 'g2' }, 100)).toBe(0);
      expect(await r.countOwnedMeshes(OWNER, 100)).toBe(2);
      expect(await r.countOwnedMeshes(OTHER, 100)).toBe(0);
    });
    await store.write((w) => w.deleteResource(key(record('virtualGateway', 'g2'))));
    await store.write((w) => w.deleteResource(key(record('mesh', 'n'))));
    await store.read(async (r) => {
      expect(await r.countResources(GATEWAYS, 100)).toBe(2);
      expect(await r.countOwnedMeshes(OWNER, 100)).toBe(1);
      expect(await r.isEmpty()).toBe(false);
    });
  });

  it('when meshes are shared, then each account sees its own and the shared ones, by name then owner', async () => {
    await store.write(async (w) => {
      await w.insertResource(record('mesh', 'same'));
      await w.insertResource(record('mesh', 'same', { meshOwner: OTHER, resourceOwner: OTHER }));
      await w.insertResource(record('mesh', 'alone', { meshOwner: OTHER, resourceOwner: OTHER }));
      await w.insertResource(record('mesh', 'b-mine'));
      await w.addShare(OTHER, 'same', OWNER);
      await w.addShare(OTHER, 'same', OWNER); // twice is once
      await w.addShare(OTHER, 'same', '999988887777');
    });
    await store.read(async (r) => {
      const mine = await r.listVisibleMeshes(OWNER, undefined, 10);
      expect(mine.map((m) => `${m.meshName}@${m.meshOwner}`)).toEqual([
        `b-mine@${OWNER}`,
        `same@${OTHER}`,
        `same@${OWNER}`,
      ]);
      const after = await r.listVisibleMeshes(OWNER, { meshName: 'same', meshOwner: OTHER }, 10);
      expect(after.map((m) => `${m.meshName}@${m.meshOwner}`)).toEqual([`same@${OWNER}`]);
      expect(await r.isSharedWith(OTHER, 'same', OWNER)).toBe(true);
      expect(await r.isSharedWith(OTHER, 'alone', OWNER)).toBe(false);
      expect(await r.listShares(OTHER, 'same')).toEqual([OWNER, '999988887777'].sort());
    });
    await store.write((w) => w.removeShares(OTHER, 'same'));
    expect(await store.read((r) => r.listShares(OTHER, 'same'))).toEqual([]);
  });

  it('when resources are looked up by ARN or by route target, then every match comes back, in order', async () => {
    await store.write(async (w) => {
      await w.insertResource(record('virtualService', 'svc'));
      await w.insertResource(record('gatewayRoute', 'r2', { parent: 'g1', target: 'svc' }));
      await w.insertResource(record('gatewayRoute', 'r1', { parent: 'g2', target: 'svc' }));
      await w.insertResource(record('gatewayRoute', 'r1', { parent: 'g1', target: 'svc' }));
      await w.insertResource(record('gatewayRoute', 'r3', { parent: 'g1', target: 'other' }));
    });
    await store.read(async (r) => {
      const routes = await r.findRoutesTargeting(OWNER, 'm', 'svc', 10);
      expect(routes.map((x) => `${x.parent}/${x.name}`)).toEqual(['g1/r1', 'g1/r2', 'g2/r1']);
      expect(await r.findRoutesTargeting(OWNER, 'm', 'svc', 2)).toHaveLength(2);
      const svc = record('virtualService', 'svc');
      expect(await r.findByArn(svc.arn)).toEqual([svc]);
      expect(await r.findByArn('arn:aws:appmesh:us-west-2:123456789012:mesh/none')).toEqual([]);
    });
  });

  it('when tags are put, replaced and removed, then they list by key, page by page', async () => {
    await store.write((w) =>
      w.putTags('u', [
        { key: 'b', value: '1' },
        { key: 'a', value: '2' },
        { key: 'c', value: '' },
      ]),
    );
    await store.write((w) => w.putTags('u', [{ key: 'b', value: 'replaced' }]));
    await store.read(async (r) => {
      expect(await r.listTags('u', undefined, 2)).toEqual([
        { key: 'a', value: '2' },
        { key: 'b', value: 'replaced' },
      ]);
      expect(await r.listTags('u', 'b', 2)).toEqual([{ key: 'c', value: '' }]);
      expect(await r.countTags('u')).toBe(3);
    });
    await store.write((w) => w.removeTags('u', ['a', 'missing']));
    expect(await store.read((r) => r.listTags('u', undefined, 10))).toEqual([
      { key: 'b', value: 'replaced' },
      { key: 'c', value: '' },
    ]);
    await store.write((w) => w.removeAllTags('u'));
    expect(await store.read((r) => r.countTags('u'))).toBe(0);
  });

  it('when client tokens are kept, then they read back per account and expire by age', async () => {
    const result = { virtualGateway: { name: 'gw', nested: [1, 'two', null] } };
    await store.write(async (w) => {
      await w.putClientToken(OWNER, 'tok', { fingerprint: 'f1', result, createdAt: 1000 });
      await w.putClientToken(OWNER, 'young', { fingerprint: 'f2', result: {}, createdAt: 5000 });
    });
    await store.read(async (r) => {
      expect(await r.getClientToken(OWNER, 'tok')).toEqual({ fingerprint: 'f1', result, createdAt: 1000 });
      expect(await r.getClientToken(OTHER, 'tok')).toBeUndefined();
    });
    await store.write((w) => w.expireClientTokens(2000));
    await store.read(async (r) => {
      expect(await r.getClientToken(OWNER, 'tok')).toBeUndefined();
      expect((await r.getClientToken(OWNER, 'young'))?.fingerprint).toBe('f2');
    });
  });

  it('when versions are added, then they list newest first, page by page, at most `keep` of them, per resource', async () => {
    const gw = key(record('virtualGateway', 'gw'));
    const twin = { ...gw, name: 'gw2' };
    await store.write(async (w) => {
      for (let n = 1; n <= 5; n++) await w.addVersion(gw, version(n), 3);
      await w.addVersion(twin, version(1, { via: 'api', account: OTHER }), 3);
    });
    await store.read(async (r) => {
      const kept = await r.listVersions(gw, undefined, 10);
      expect(kept.map((v) => v.version)).toEqual([5, 4, 3]);
      expect(kept[0]).toEqual(version(5));
      expect((await r.listVersions(gw, 5, 1)).map((v) => v.version)).toEqual([4]);
      expect((await r.listVersions(gw, 3, 10)).map((v) => v.version)).toEqual([]);
      expect(await r.listVersions(twin, undefined, 10)).toEqual([version(1, { via: 'api', account: OTHER })]);
      expect(await r.listVersions({ ...gw, name: 'none' }, undefined, 10)).toEqual([]);
    });
    // A version written again (a write retried) replaces its entry; a failed write keeps nothing.
    await store.write((w) => w.addVersion(gw, version(5, { status: 'DELETED' }), 3));
    await expect(
      store.write(async (w) => {
        await w.addVersion(gw, version(6), 3);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const after = await store.read((r) => r.listVersions(gw, undefined, 10));
    expect(after.map((v) => [v.version, v.status])).toEqual([
      [5, 'DELETED'],
      [4, 'ACTIVE'],
      [3, 'ACTIVE'],
    ]);
    await store.write((w) => w.clearVersions(gw));
    expect(await store.read((r) => r.listVersions(gw, undefined, 10))).toEqual([]);
    expect(await store.read((r) => r.listVersions(twin, undefined, 10))).toHaveLength(1);
  });

  it('when the store is wiped, then every resource, share, tag, token and version goes and meta stays', async () => {
    await store.write(async (w) => {
      await w.addVersion(key(record('virtualGateway', 'g')), version(1), 10);
      await w.insertResource(record('mesh', 'm'));
      await w.insertResource(record('virtualGateway', 'g'));
      await w.addShare(OWNER, 'm', OTHER);
      await w.putTags('u', [{ key: 'a', value: '1' }]);
      await w.putClientToken(OWNER, 't', { fingerprint: 'f', result: {}, createdAt: 1 });
      await w.setMeta('secret', 'one');
      await w.setMeta('secret', 'two');
    });
    expect(await store.read((r) => r.isEmpty())).toBe(false);
    await store.write((w) => w.wipe());
    await store.read(async (r) => {
      expect(await r.isEmpty()).toBe(true);
      expect(await r.countResources(GATEWAYS, 10)).toBe(0);
      expect(await r.countOwnedMeshes(OWNER, 10)).toBe(0);
      expect(await r.listShares(OWNER, 'm')).toEqual([]);
      expect(await r.listTags('u', undefined, 10)).toEqual([]);
      expect(await r.getClientToken(OWNER, 't')).toBeUndefined();
      expect(await r.listVersions(key(record('virtualGateway', 'g')), undefined, 10)).toEqual([]);
      expect(await r.getMeta('secret')).toBe('two');
    });
    // Counts start again from zero after a wipe.
    await store.write((w) => w.insertResource(record('virtualGateway', 'g')));
    expect(await store.read((r) => r.countResources(GATEWAYS, 10))).toBe(1);
  });

  it('when the store is closed, then ping says false and transactions fail', async () => {
    expect(await store.ping()).toBe(true);
    await store.close();
    expect(await store.ping()).toBe(false);
    await expect(store.read((r) => r.isEmpty())).rejects.toThrow();
  });
});
