import type { ResourceRecord } from './store';

/** A `resources` row as both SQL stores name its columns (SQLite's and PostgreSQL's tables are the same). */
export interface ResourceRow {
  kind: ResourceRecord['kind'];
  mesh_owner: string;
  mesh_name: string;
  parent: string;
  name: string;
  arn: string;
  uid: string;
  resource_owner: string;
  version: number;
  created_at: number;
  last_updated_at: number;
  spec: string;
  target: string | null;
}

export function fromRow(row: ResourceRow): ResourceRecord {
  return {
    kind: row.kind,
    meshOwner: row.mesh_owner,
    meshName: row.mesh_name,
    parent: row.parent,
    name: row.name,
    arn: row.arn,
    uid: row.uid,
    resourceOwner: row.resource_owner,
    version: row.version,
    createdAt: row.created_at,
    lastUpdatedAt: row.last_updated_at,
    spec: JSON.parse(row.spec),
    target: row.target,
  };
}
