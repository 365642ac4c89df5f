import { describe, expect, it } from 'vitest';
import { MemoryStore } from './memory-store';
import type { ResourceRecord } from './store';

const record = (name: string): ResourceRecord => ({
  kind: 'virtualGateway',
  meshOwner: '123456789012',
  meshName: 'm',
  parent: '',
  name,
  arn: `arn:aws:appmesh:us-west-2:123456789012:mesh/m/virtualGateway/${name}`,
  uid: `uid-${name}`,
  resourceOwner: '123456789012',
  version: 1,
  createdAt: 0,
  lastUpdatedAt: 0,
  spec: { listeners: [] },
  target: null,
});

const scope = { kind: 'virtualGateway', meshOwner: '123456789012', meshName: 'm', parent: '' } as const;

describe('MemoryStore', () => {
  it('when a write throws halfway, then every change it made is rolled back', async () => {
    const store = new MemoryStore();
    await store.write(async (w) => {
      await w.insertResource(record('keep'));
      await w.putTags('uid-keep', [{ key: 'a', value: '1' }]);
    });
    await expect(
      store.write(async (w) => {
        await w.insertResource(record('new'));
        await w.updateResource({ ...record('keep'), version: 9 });
        await w.removeAllTags('uid-keep');
        await w.setMeta('k', 'v');
        await w.wipe();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await store.read(async (r) => {
      expect((await r.listResources(scope, undefined, 10)).map((x) => [x.name, x.version])).toEqual([['keep', 1]]);
      expect(await r.listTags('uid-keep', undefined, 10)).toEqual([{ key: 'a', value: '1' }]);
      expect(await r.getMeta('k')).toBeUndefined();
    });
  });

  it('when a returned record is mutated, then the stored one does not change', async () => {
    const store = new MemoryStore();
    await store.write((w) => w.insertResource(record('g')));
    const copy = (await store.read((r) => r.getResource({ ...scope, name: 'g' })))!;
    (copy.spec as { listeners: unknown[] }).listeners.push('x');
    expect((await store.read((r) => r.getResource({ ...scope, name: 'g' })))?.spec).toEqual({ listeners: [] });
  });
});
