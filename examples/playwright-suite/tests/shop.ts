import type { SeedDocument } from '@meshconsole/playwright';

/** Test data: a mesh with one virtual service and one virtual gateway, in the App Mesh API's shapes. */
export const SHOP: SeedDocument = {
  meshes: [
    {
      meshName: 'shop',
      virtualServices: [{ virtualServiceName: 'books.local', spec: {} }],
      virtualGateways: [
        {
          virtualGatewayName: 'edge',
          spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
          tags: [{ key: 'team', value: 'books' }],
        },
      ],
    },
  ],
};
