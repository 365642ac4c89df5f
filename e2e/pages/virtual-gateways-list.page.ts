// Moved to the kit (packages/playwright); this path stays for the specs that import it.
export { meshQuery, VirtualGatewaysListPage } from '@meshconsole/playwright';
