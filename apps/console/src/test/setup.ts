import { disableMotion } from '@cloudscape-design/global-styles';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

disableMotion(true);

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  // The fake console API is installed as `fetch` per test (test/render.tsx).
  vi.unstubAllGlobals();
});
