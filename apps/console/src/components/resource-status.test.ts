import { describe, expect, it } from 'vitest';
import { statusText, statusType } from './resource-status';

describe('resource status', () => {
  it('when a status is given, then its indicator type and text are the console terms', () => {
    expect(['ACTIVE', 'INACTIVE', 'DELETED', 'PENDING'].map(statusType)).toEqual([
      'success',
      'stopped',
      'error',
      'info',
    ]);
    expect(['ACTIVE', 'INACTIVE', 'DELETED'].map(statusText)).toEqual(['Active', 'Inactive', 'Deleted']);
  });

  it('when no status is given, then it reads Unknown', () => {
    expect(statusText(undefined)).toBe('Unknown');
    expect(statusType(undefined)).toBe('info');
  });
});
