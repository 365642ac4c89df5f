import { describe, expect, it } from 'vitest';
import { tagProblems } from './tags-panel';

describe('tagProblems', () => {
  it('when a key is empty, too long or repeated, then the model messages say so', () => {
    expect(
      tagProblems([
        { key: '', value: 'x', existing: false },
        { key: 'k'.repeat(129), value: '', existing: false },
        { key: 'team', value: 'a', existing: false },
        { key: 'team', value: 'b', existing: false },
      ]),
    ).toEqual(['Tag key is required.', 'Tag key must be 1 to 128 characters.', 'Tag key team is used more than once.']);
  });

  it('when a tag is marked for removal, then it is not checked', () => {
    expect(tagProblems([{ key: '', value: '', existing: true, markedForRemoval: true }])).toEqual([]);
  });
});
