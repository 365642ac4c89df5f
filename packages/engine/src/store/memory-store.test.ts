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
  it('when a returned record is mutated, then the stored one does not change', async () => {
    const store = new MemoryStore();
    await store.write((w) => w.insertResource(record('g')));
    const copy = (await store.read((r) => r.getResource({ ...scope, name: 'g' })))!;
    (copy.spec as { listeners: unknown[] }).listeners.push('x');
    expect((await store.read((r) => r.getResource({ ...scope, name: 'g' })))?.spec).toEqual({ listeners: [] });
  });
});
