// Moved to the kit (packages/playwright); this path stays for the specs that import it.
export { ConsoleShellPage, PAGE_LOAD_TIMEOUT } from '@meshconsole/playwright';
