import { applyMode, Mode } from '@cloudscape-design/global-styles';
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'meshconsole.mode';
/** The cookie that tells the server the mode (http/console-static.ts), so a first paint is in it. */
const COOKIE = 'meshconsole.mode';

export type ThemeMode = 'light' | 'dark';

export function readThemeMode(): ThemeMode {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'dark' ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

const listeners = new Set<() => void>();

/** Applies the mode to the document and remembers it for the next visit (and the server's render). */
export function setThemeMode(mode: ThemeMode): void {
  applyMode(mode === 'dark' ? Mode.Dark : Mode.Light);
  // biome-ignore lint/suspicious/noDocumentCookie: one fixed value, written once a toggle; the Cookie Store API is async and not in every browser the console supports
  document.cookie = `${COOKIE}=${mode}; path=/; max-age=31536000; samesite=lax`;
  try {
    window.localStorage.setItem(STORAGE_KEY, mode);
  } catch {
    // Storage can be unavailable (private windows); the mode still applies to this page.
  }
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/**
 * The mode, following `setThemeMode`. A page the server rendered is hydrated as light (the server
 * cannot read this browser's storage; its markup says light), then shows the mode the browser keeps.
 */
export function useThemeMode(): ThemeMode {
  return useSyncExternalStore(subscribe, readThemeMode, () => 'light');
}
