import { AppMeshError } from '@meshconsole/model';
import { describe, expect, it } from 'vitest';
import { compact, describeEach, page, withNameFieldError } from './pages.js';

describe('console API page helpers', () => {
  it('when a listed resource vanished before its describe, then it is left out and the rest keep their order', async () => {
    const items = await describeEach(['a', 'gone', 'c'], async (name) => {
      if (name === 'gone') throw new AppMeshError('NotFoundException', 'gone');
      return name.toUpperCase();
    });
    expect(items).toEqual(['A', 'C']);
  });

  it('when a describe fails otherwise, then the page fails with that error', async () => {
    await expect(
      describeEach(['a'], async () => {
        throw new AppMeshError('ForbiddenException', 'no');
      }),
    ).rejects.toMatchObject({ name: 'ForbiddenException' });
  });

  it('when a backend reports a duplicate name without field errors, then the name field gets the message', () => {
    const err = withNameFieldError(new AppMeshError('ConflictException', 'gw already exists'), 'virtualGatewayName');
    expect(err).toBeInstanceOf(AppMeshError);
    expect((err as AppMeshError).fieldErrors).toEqual({ virtualGatewayName: ['gw already exists'] });
  });

  it('when the conflict is a reused client token or already has field errors, then it is left as it is', () => {
    const token = new AppMeshError('ConflictException', 'The client token abc was already used');
    expect(withNameFieldError(token, 'virtualGatewayName')).toBe(token);
    const engine = new AppMeshError('ConflictException', 'taken', {
      virtualGatewayName: ['A gateway named x exists.'],
    });
    expect(withNameFieldError(engine, 'virtualGatewayName')).toBe(engine);
    const other = new AppMeshError('NotFoundException', 'nope');
    expect(withNameFieldError(other, 'virtualGatewayName')).toBe(other);
  });

  it('when a page has no next token, then nextToken is absent; undefined inputs are dropped', () => {
    expect(page([1], undefined)).toEqual({ items: [1] });
    expect(page([1], null)).toEqual({ items: [1] });
    expect(page([1], 't')).toEqual({ items: [1], nextToken: 't' });
    expect(Object.keys(compact({ a: 1, b: undefined }))).toEqual(['a']);
  });
});
