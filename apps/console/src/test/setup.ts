import { disableMotion } from '@cloudscape-design/global-styles';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

disableMotion(true);

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
