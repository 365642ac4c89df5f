import { describe, expect, it } from 'vitest';
import { tagChanges } from './update-tags';

describe('tagChanges', () => {
  it('when a tag is removed, one changed and one added, then untag gets the removed key and tag gets the new and changed tags', () => {
    const before = [
      { key: 'team', value: 'payments' },
      { key: 'env', value: 'dev' },
      { key: 'owner', value: 'ana' },
    ];
    const after = [
      { key: 'team', value: 'payments' },
      { key: 'env', value: 'prod' },
      { key: 'cost-center', value: '42' },
    ];
    expect(tagChanges(before, after)).toEqual({
      tagKeys: ['owner'],
      tags: [
        { key: 'env', value: 'prod' },
        { key: 'cost-center', value: '42' },
      ],
    });
  });

  it('when nothing changed, then there is nothing to send', () => {
    const tags = [{ key: 'team', value: '' }];
    expect(tagChanges(tags, [...tags])).toEqual({ tagKeys: [], tags: [] });
  });
});
