import { applyMode, Mode } from '@cloudscape-design/global-styles';

const STORAGE_KEY = 'meshconsole.mode';

export type ThemeMode = 'light' | 'dark';

export function readThemeMode(): ThemeMode {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'dark' ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

/** Applies the mode to the document and remembers it for the next visit. */
export function setThemeMode(mode: ThemeMode): void {
  applyMode(mode === 'dark' ? Mode.Dark : Mode.Light);
  try {
    window.localStorage.setItem(STORAGE_KEY, mode);
  } catch {
    // Storage can be unavailable (private windows); the mode still applies to this page.
  }
}
