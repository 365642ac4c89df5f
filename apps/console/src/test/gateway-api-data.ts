/** Shared test data for pages and tables that talk to the virtual gateway console API. */

/** The signed-in account; it owns the mesh and every gateway below. */
export const ME = '123456789012';
/** The created/updated time (epoch seconds) of every gateway below. */
export const T = 1_700_000_000;

/** An ACTIVE gateway called `name` in demo-mesh with one HTTP listener on 8080. */
export function gateway(name: string) {
  return {
    meshName: 'demo-mesh',
    virtualGatewayName: name,
    metadata: {
      arn: `arn:aws:appmesh:us-west-2:${ME}:mesh/demo-mesh/virtualGateway/${name}`,
      createdAt: T,
      lastUpdatedAt: T,
      meshOwner: ME,
      resourceOwner: ME,
      uid: name,
      version: 1,
    },
    spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    status: { status: 'ACTIVE' },
  };
}

export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
/** The `/api/session` answer for ME on the local backend. */
export const session = () => json({ accountId: ME, region: 'us-west-2', backend: 'local' });
