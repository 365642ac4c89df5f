// The route table is checked against the service model itself (packages/model/reference), so a
// method, URI, query parameter, body member or payload that drifts from App Mesh fails here.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { MESH_API_METHODS } from '@meshconsole/model';
import { describe, expect, it } from 'vitest';
import { methodNameOf, OPERATIONS } from './operations.js';

interface Member {
  shape: string;
  location?: string;
  locationName?: string;
}
interface ServiceModel {
  operations: Record<
    string,
    { http: { method: string; requestUri: string }; input: { shape: string }; output: { shape: string } }
  >;
  shapes: Record<string, { members?: Record<string, Member>; payload?: string }>;
}

const model = JSON.parse(
  gunzipSync(
    readFileSync(new URL('../../../../packages/model/reference/appmesh-2019-01-25.service-2.json.gz', import.meta.url)),
  ).toString('utf8'),
) as ServiceModel;

/** `/v20190125/meshes/{meshName}/virtualGateways` -> `/meshes/:meshName/virtualGateways` */
function expressPath(requestUri: string): string {
  return requestUri.replace(/^\/v20190125/, '').replace(/\{(\w+)\}/g, ':$1');
}

describe('App Mesh operations table', () => {
  it('when compared with the service model, then every served operation has its method, URI, query, body and payload', () => {
    for (const op of OPERATIONS) {
      const spec = model.operations[op.name];
      expect(spec, op.name).toBeDefined();
      if (!spec) continue;
      expect(op.method, op.name).toBe(spec.http.method);
      expect(op.path, op.name).toBe(expressPath(spec.http.requestUri));
      const members = Object.entries(model.shapes[spec.input.shape]?.members ?? {});
      const query = members.filter(([, m]) => m.location === 'querystring');
      for (const [name, m] of query) expect(m.locationName, `${op.name} ${name}`).toBe(name);
      expect([...op.query].sort(), op.name).toEqual(query.map(([name]) => name).sort());
      expect([...op.body].sort(), op.name).toEqual(
        members
          .filter(([, m]) => m.location === undefined)
          .map(([name]) => name)
          .sort(),
      );
      expect(op.payload, op.name).toBe(model.shapes[spec.output.shape]?.payload);
    }
  });

  it('when compared with MeshApi, then the served operations are exactly its methods', () => {
    expect(OPERATIONS.map((op) => methodNameOf(op.name)).sort()).toEqual([...MESH_API_METHODS].sort());
  });

  it('when compared with the service model, then every operation of the service is served', () => {
    expect(OPERATIONS.map((op) => op.name).sort()).toEqual(Object.keys(model.operations).sort());
  });
});
