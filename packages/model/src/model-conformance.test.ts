/**
 * Model conformance: reads the App Mesh service model and checks, for every constrained member reachable
 * from the inputs of the operations this package serves, that the zod schemas enforce exactly the model's
 * limits: min-1 / min / max / max+1 for lengths, ranges and list sizes, every enum value and one outside,
 * each required member missing, and zero / one / two members of each union.
 *
 * A member the schemas do not know fails the accept cases (zod would strip it from the output); a limit the
 * schemas do not enforce fails the reject cases. Valid baselines come from a generator over the model, with
 * a few hand-written values where a service-side rule asks for more than the model (see OVERRIDES).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CreateGatewayRouteInputSchema,
  CreateMeshInputSchema,
  CreateRouteInputSchema,
  CreateVirtualGatewayInputSchema,
  CreateVirtualNodeInputSchema,
  CreateVirtualRouterInputSchema,
  CreateVirtualServiceInputSchema,
  DeleteGatewayRouteInputSchema,
  DeleteMeshInputSchema,
  DeleteRouteInputSchema,
  DeleteVirtualGatewayInputSchema,
  DeleteVirtualNodeInputSchema,
  DeleteVirtualRouterInputSchema,
  DeleteVirtualServiceInputSchema,
  DescribeGatewayRouteInputSchema,
  DescribeMeshInputSchema,
  DescribeRouteInputSchema,
  DescribeVirtualGatewayInputSchema,
  DescribeVirtualNodeInputSchema,
  DescribeVirtualRouterInputSchema,
  DescribeVirtualServiceInputSchema,
  GatewayRouteDataSchema,
  GatewayRouteRefSchema,
  GatewayRouteStatusSchema,
  ListGatewayRoutesInputSchema,
  ListMeshesInputSchema,
  ListRoutesInputSchema,
  ListTagsForResourceInputSchema,
  ListVirtualGatewaysInputSchema,
  ListVirtualNodesInputSchema,
  ListVirtualRoutersInputSchema,
  ListVirtualServicesInputSchema,
  labelFor,
  MeshDataSchema,
  MeshRefSchema,
  MeshStatusSchema,
  ResourceMetadataSchema,
  RouteDataSchema,
  RouteRefSchema,
  RouteStatusSchema,
  TagResourceInputSchema,
  UntagResourceInputSchema,
  UpdateGatewayRouteInputSchema,
  UpdateMeshInputSchema,
  UpdateRouteInputSchema,
  UpdateVirtualGatewayInputSchema,
  UpdateVirtualNodeInputSchema,
  UpdateVirtualRouterInputSchema,
  UpdateVirtualServiceInputSchema,
  VirtualGatewayDataSchema,
  VirtualGatewayRefSchema,
  VirtualGatewayStatusSchema,
  VirtualNodeDataSchema,
  VirtualNodeRefSchema,
  VirtualNodeStatusSchema,
  VirtualRouterDataSchema,
  VirtualRouterRefSchema,
  VirtualRouterStatusSchema,
  VirtualServiceDataSchema,
  VirtualServiceRefSchema,
  VirtualServiceStatusSchema,
} from './index';

// ---------- the model

interface MemberRef {
  shape: string;
  idempotencyToken?: boolean;
}
interface Shape {
  type: string;
  members?: Record<string, MemberRef>;
  member?: MemberRef;
  required?: string[];
  min?: number;
  max?: number;
  enum?: string[];
  union?: boolean;
  pattern?: string;
}
interface ServiceModel {
  operations: Record<string, { input?: { shape: string } }>;
  shapes: Record<string, Shape>;
}

const raw = gunzipSync(readFileSync(new URL('../reference/appmesh-2019-01-25.service-2.json.gz', import.meta.url)));
const MODEL_SHA256 = '75ec1ee2829500308d677fe8a73368e84f91f6d6b1c125299a60f53d3362cab7';
const model = JSON.parse(raw.toString('utf8')) as ServiceModel;

function shapeOf(name: string): Shape {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`shape ${name} is not in the model`);
  return shape;
}

/** The operations this package serves, with the schema of each input. */
const INPUT_SCHEMAS: Record<string, z.ZodType> = {
  CreateMesh: CreateMeshInputSchema,
  DescribeMesh: DescribeMeshInputSchema,
  UpdateMesh: UpdateMeshInputSchema,
  DeleteMesh: DeleteMeshInputSchema,
  ListMeshes: ListMeshesInputSchema,
  CreateVirtualService: CreateVirtualServiceInputSchema,
  DescribeVirtualService: DescribeVirtualServiceInputSchema,
  UpdateVirtualService: UpdateVirtualServiceInputSchema,
  DeleteVirtualService: DeleteVirtualServiceInputSchema,
  ListVirtualServices: ListVirtualServicesInputSchema,
  CreateVirtualGateway: CreateVirtualGatewayInputSchema,
  DescribeVirtualGateway: DescribeVirtualGatewayInputSchema,
  UpdateVirtualGateway: UpdateVirtualGatewayInputSchema,
  DeleteVirtualGateway: DeleteVirtualGatewayInputSchema,
  ListVirtualGateways: ListVirtualGatewaysInputSchema,
  CreateGatewayRoute: CreateGatewayRouteInputSchema,
  DescribeGatewayRoute: DescribeGatewayRouteInputSchema,
  UpdateGatewayRoute: UpdateGatewayRouteInputSchema,
  DeleteGatewayRoute: DeleteGatewayRouteInputSchema,
  ListGatewayRoutes: ListGatewayRoutesInputSchema,
  CreateVirtualNode: CreateVirtualNodeInputSchema,
  DescribeVirtualNode: DescribeVirtualNodeInputSchema,
  UpdateVirtualNode: UpdateVirtualNodeInputSchema,
  DeleteVirtualNode: DeleteVirtualNodeInputSchema,
  ListVirtualNodes: ListVirtualNodesInputSchema,
  CreateVirtualRouter: CreateVirtualRouterInputSchema,
  DescribeVirtualRouter: DescribeVirtualRouterInputSchema,
  UpdateVirtualRouter: UpdateVirtualRouterInputSchema,
  DeleteVirtualRouter: DeleteVirtualRouterInputSchema,
  ListVirtualRouters: ListVirtualRoutersInputSchema,
  CreateRoute: CreateRouteInputSchema,
  DescribeRoute: DescribeRouteInputSchema,
  UpdateRoute: UpdateRouteInputSchema,
  DeleteRoute: DeleteRouteInputSchema,
  ListRoutes: ListRoutesInputSchema,
  TagResource: TagResourceInputSchema,
  UntagResource: UntagResourceInputSchema,
  ListTagsForResource: ListTagsForResourceInputSchema,
};

// ---------- valid values

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

function fqdnOfLength(n: number): string {
  // labels of at most 63 characters joined by dots, never ending in a dot
  let out = '';
  while (out.length < n) {
    const room = n - out.length;
    if (out.length > 0) {
      if (room === 1) {
        out = `${out.slice(0, -1)}bb`;
        break;
      }
      out += '.';
    }
    out += 'a'.repeat(Math.min(63, n - out.length));
  }
  return out.slice(0, n);
}

/** Valid strings of a given length, by `<Structure>.<member>` (or `<List>.member`), then by shape name. */
const STRINGS: Record<string, (n: number) => string> = {
  'HttpGatewayRouteMatch.prefix': (n) => `/${'a'.repeat(n - 1)}`,
  'HttpGatewayRoutePrefixRewrite.value': (n) => (n === 1 ? '/' : `/${'a'.repeat(n - 2)}/`),
  'HttpRouteMatch.prefix': (n) => `/${'a'.repeat(n - 1)}`,
  'HttpPathMatch.exact': (n) => `/${'a'.repeat(n - 1)}`,
  'HttpGatewayRoutePathRewrite.exact': (n) => `/${'a'.repeat(n - 1)}`,
  'SubjectAlternativeNameList.member': fqdnOfLength,
  'VirtualGatewayCertificateAuthorityArns.member': () =>
    'arn:aws:acm-pca:us-west-2:123456789012:certificate-authority/12345678-1234-1234-1234-123456789012',
  'VirtualGatewayListenerTlsAcmCertificate.certificateArn': () =>
    'arn:aws:acm:us-west-2:123456789012:certificate/12345678-1234-1234-1234-123456789012',
  'CertificateAuthorityArns.member': () =>
    'arn:aws:acm-pca:us-west-2:123456789012:certificate-authority/12345678-1234-1234-1234-123456789012',
  'ListenerTlsAcmCertificate.certificateArn': () =>
    'arn:aws:acm:us-west-2:123456789012:certificate/12345678-1234-1234-1234-123456789012',
  'TagResourceInput.resourceArn': () => 'arn:aws:appmesh:us-west-2:123456789012:mesh/m1',
  'UntagResourceInput.resourceArn': () => 'arn:aws:appmesh:us-west-2:123456789012:mesh/m1',
  'ListTagsForResourceInput.resourceArn': () => 'arn:aws:appmesh:us-west-2:123456789012:mesh/m1',
  AccountId: (n) => '1'.repeat(n),
  AwsCloudMapInstanceAttributeKey: (n) => 'k'.repeat(n),
  AwsCloudMapInstanceAttributeValue: (n) => 'v'.repeat(n),
};

function stringOf(key: string, shapeName: string, n: number, idempotencyToken = false): string {
  if (idempotencyToken) return 'token-1';
  if (n <= 0) return '';
  const make = STRINGS[key] ?? STRINGS[shapeName] ?? ((len: number) => 'a'.repeat(len));
  return make(n);
}

/**
 * Shapes whose members the service treats as "exactly one of" although the model does not mark them as
 * unions; the baseline sets the first and a member under test replaces the others.
 */
const EXCLUSIVE: Record<string, readonly string[]> = {
  GatewayRouteSpec: ['httpRoute', 'http2Route', 'grpcRoute'],
  HttpPathMatch: ['exact', 'regex'],
  GatewayRouteHostnameMatch: ['exact', 'suffix'],
  HttpGatewayRoutePrefixRewrite: ['defaultPrefix', 'value'],
  HttpGatewayRouteRewrite: ['path', 'prefix'],
  HttpGatewayRouteMatch: ['prefix', 'path'],
  RouteSpec: ['httpRoute', 'http2Route', 'grpcRoute', 'tcpRoute'],
  HttpRouteMatch: ['prefix', 'path'],
};

/** Baselines where a service-side rule asks for more than the model's required members. */
const OVERRIDES: Record<string, () => Obj> = {
  HttpGatewayRouteMatch: () => ({ prefix: '/' }),
  GrpcGatewayRouteMatch: () => ({ serviceName: 'svc' }),
  HttpGatewayRouteRewrite: () => ({ hostname: { defaultTargetHostname: 'DISABLED' } }),
  HttpGatewayRoutePathRewrite: () => ({ exact: '/a' }),
  QueryParameterMatch: () => ({ exact: 'a' }),
  MatchRange: () => ({ start: 1, end: 2 }),
  HttpRouteMatch: () => ({ prefix: '/' }),
  GrpcRouteMatch: () => ({ serviceName: 'svc' }),
  HttpRetryPolicy: () => ({ maxRetries: 0, perRetryTimeout: {}, tcpRetryEvents: ['connection-error'] }),
  GrpcRetryPolicy: () => ({ maxRetries: 0, perRetryTimeout: {}, tcpRetryEvents: ['connection-error'] }),
};

function minimal(shapeName: string, key: string, idempotencyToken = false): Json {
  const shape = shapeOf(shapeName);
  switch (shape.type) {
    case 'string':
      if (shape.enum) return shape.enum[0]!;
      return stringOf(key, shapeName, Math.max(shape.min ?? 1, 1), idempotencyToken);
    case 'integer':
    case 'long':
      return shape.min ?? 1;
    case 'boolean':
      return true;
    case 'list': {
      const item = minimal(shape.member!.shape, `${shapeName}.member`);
      return Array.from({ length: Math.max(shape.min ?? 1, 1) }, () => structuredClone(item));
    }
    case 'structure': {
      const override = OVERRIDES[shapeName];
      if (override) return override();
      const members = shape.members ?? {};
      const out: Obj = {};
      const names = shape.union
        ? [Object.keys(members)[0]!]
        : EXCLUSIVE[shapeName]
          ? [...(shape.required ?? []), EXCLUSIVE[shapeName][0]!]
          : (shape.required ?? []);
      for (const name of names) {
        const ref = members[name]!;
        out[name] = minimal(ref.shape, `${shapeName}.${name}`, ref.idempotencyToken);
      }
      return out;
    }
    default:
      throw new Error(`no baseline for ${shapeName} (${shape.type})`);
  }
}

// ---------- the sites under test

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const LONG_MIN = Number.MIN_SAFE_INTEGER;
const LONG_MAX = Number.MAX_SAFE_INTEGER;
const UNICODE_MESSAGE = /must be well-formed Unicode text/;

/**
 * Width cases a service rule makes unreachable: a range's start at the largest long leaves no room for an end
 * greater than it, and an end at the smallest long none for a start below it. Their reject cases still run.
 */
const WIDTH_ACCEPT_UNREACHABLE = new Set(['MatchRange.start max', 'MatchRange.end min']);

type Seg = string | number;
type Constraint =
  | { kind: 'length' | 'range' | 'count'; min?: number; max?: number }
  /** the model's number type: `integer` is 32-bit; `long` is 64-bit, of which JSON numbers carry ±(2^53-1) exactly */
  | { kind: 'width'; min?: number; max?: number }
  /** every string: well-formed Unicode only (an unpaired surrogate is refused on the field) */
  | { kind: 'unicode' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'required' }
  /** a model pattern: values outside it are refused on the field */
  | { kind: 'pattern' }
  | { kind: 'union'; members: string[] };

interface Site {
  op: string;
  path: Seg[];
  /** model shape of the value at `path` */
  shapeName: string;
  /** generator key: `<Structure>.<member>` or `<List>.member` */
  key: string;
  /** the structure/list shape holding the value, with the member name */
  parents: Array<{ shapeName: string; member: Seg }>;
  constraints: Constraint[];
  idempotencyToken: boolean;
}

function constraintsOf(shape: Shape, required: boolean): Constraint[] {
  const out: Constraint[] = [];
  if (required) out.push({ kind: 'required' });
  const limits = {
    ...(shape.min !== undefined ? { min: shape.min } : {}),
    ...(shape.max !== undefined ? { max: shape.max } : {}),
  };
  if (shape.min !== undefined || shape.max !== undefined) {
    if (shape.type === 'string') out.push({ kind: 'length', ...limits });
    else if (shape.type === 'list') out.push({ kind: 'count', ...limits });
    else out.push({ kind: 'range', ...limits });
  }
  if (shape.enum) out.push({ kind: 'enum', values: shape.enum });
  if (shape.type === 'string' && !shape.enum) out.push({ kind: 'unicode' });
  if (shape.type === 'integer' || shape.type === 'long') {
    const [low, high] = shape.type === 'integer' ? [INT32_MIN, INT32_MAX] : [LONG_MIN, LONG_MAX];
    const width = {
      ...(shape.min === undefined ? { min: low } : {}),
      ...(shape.max === undefined ? { max: high } : {}),
    };
    if (Object.keys(width).length > 0) out.push({ kind: 'width', ...width });
  }
  if (shape.union) out.push({ kind: 'union', members: Object.keys(shape.members ?? {}) });
  if (shape.pattern !== undefined) out.push({ kind: 'pattern' });
  return out;
}

function collectSites(op: string): Site[] {
  const inputShape = model.operations[op]?.input?.shape;
  if (!inputShape) throw new Error(`operation ${op} has no input in the model`);
  const sites: Site[] = [];
  const visit = (
    shapeName: string,
    path: Seg[],
    parents: Site['parents'],
    key: string,
    required: boolean,
    idem: boolean,
  ) => {
    const shape = shapeOf(shapeName);
    if (path.length > 0) {
      const constraints = constraintsOf(shape, required);
      if (constraints.length > 0) {
        sites.push({ op, path, shapeName, key, parents, constraints, idempotencyToken: idem });
      }
    }
    if (parents.some((p) => p.shapeName === shapeName)) return; // recursion guard (none in this model today)
    if (shape.type === 'structure') {
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        visit(
          ref.shape,
          [...path, name],
          [...parents, { shapeName, member: name }],
          `${shapeName}.${name}`,
          (shape.required ?? []).includes(name),
          ref.idempotencyToken === true,
        );
      }
    } else if (shape.type === 'list') {
      visit(
        shape.member!.shape,
        [...path, 0],
        [...parents, { shapeName, member: 0 }],
        `${shapeName}.member`,
        false,
        false,
      );
    }
  };
  visit(inputShape, [], [], inputShape, false, false);
  return sites;
}

// ---------- documents

const DELETE = Symbol('delete');

/** A valid input with the value at `site.path` replaced (or deleted). */
function documentWith(site: Site, value: Json | typeof DELETE): Obj {
  const inputShape = model.operations[site.op]!.input!.shape;
  const root = minimal(inputShape, inputShape) as Obj;
  let node: Json = root;
  for (let i = 0; i < site.path.length; i++) {
    const seg = site.path[i]!;
    const parent = site.parents[i]!;
    const parentShape = shapeOf(parent.shapeName);
    const last = i === site.path.length - 1;
    if (typeof seg === 'number') {
      const arr = node as Json[];
      if (last) {
        if (value === DELETE) arr.splice(seg, 1);
        else arr[seg] = value;
        break;
      }
      node = arr[seg]!;
      continue;
    }
    const obj = node as Obj;
    // make room for the member: a union keeps only it, an exclusive group drops its siblings
    const siblings = parentShape.union ? Object.keys(parentShape.members ?? {}) : (EXCLUSIVE[parent.shapeName] ?? []);
    if (siblings.includes(seg)) for (const s of siblings) if (s !== seg) delete obj[s];
    if (last) {
      if (value === DELETE) delete obj[seg];
      else obj[seg] = value;
      break;
    }
    if (obj[seg] === undefined) {
      const ref = parentShape.members![seg]!;
      obj[seg] = minimal(ref.shape, `${parent.shapeName}.${seg}`);
    }
    node = obj[seg]!;
  }
  harmonize(root);
  return root;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Makes rule-linked fields agree after a member was set: listener port = health check port, listener protocol =
 * pool kind, path rewrite => path match.
 */
function harmonize(root: Obj) {
  const spec = root.spec;
  if (!isObj(spec)) return;
  if (Array.isArray(spec.listeners)) {
    for (const listener of spec.listeners) {
      if (!isObj(listener) || !isObj(listener.portMapping)) continue;
      const hcPort = isObj(listener.healthCheck) ? listener.healthCheck.port : undefined;
      if (typeof hcPort === 'number' && hcPort >= 1 && hcPort <= 65535) listener.portMapping.port = hcPort;
      for (const member of [listener.connectionPool, listener.timeout]) {
        if (!isObj(member)) continue;
        const kinds = Object.keys(member);
        if (kinds.length === 1) listener.portMapping.protocol = kinds[0]!;
      }
    }
    // a virtual node with a listener needs service discovery
    if ('virtualNodeName' in root && spec.listeners.length > 0 && spec.serviceDiscovery === undefined) {
      spec.serviceDiscovery = { dns: { hostname: 'node.local' } };
    }
  }
  for (const key of ['httpRoute', 'http2Route']) {
    const route = spec[key];
    if (!isObj(route) || !isObj(route.action) || !isObj(route.action.rewrite) || !isObj(route.match)) continue;
    if (route.action.rewrite.path !== undefined && route.match.path === undefined) {
      delete route.match.prefix;
      route.match.path = { exact: '/a' };
    }
  }
}

function valueAt(root: unknown, path: Seg[]): unknown {
  let node: unknown = root;
  for (const seg of path) node = (node as Record<string | number, unknown>)?.[seg];
  return node;
}

// ---------- the cases

interface Case {
  name: string;
  value: Json | typeof DELETE;
  accept: boolean;
  /** a reject case whose message on the field must match this */
  message?: RegExp;
}

function casesFor(site: Site): Case[] {
  const shape = shapeOf(site.shapeName);
  const cases: Case[] = [];
  const listOf = (n: number): Json[] => {
    const item = minimal(shape.member!.shape, `${site.shapeName}.member`);
    return Array.from({ length: n }, () => structuredClone(item));
  };
  for (const c of site.constraints) {
    switch (c.kind) {
      case 'required':
        cases.push({ name: 'missing', value: DELETE, accept: false });
        break;
      case 'length':
      case 'range':
      case 'count': {
        const make = (n: number): Json =>
          c.kind === 'length'
            ? stringOf(site.key, site.shapeName, n, site.idempotencyToken)
            : c.kind === 'count'
              ? listOf(n)
              : n;
        if (c.min !== undefined) {
          cases.push({ name: `min ${c.min}`, value: make(c.min), accept: true });
          if (c.kind === 'range' || c.min > 0)
            cases.push({ name: `min-1 ${c.min - 1}`, value: make(c.min - 1), accept: false });
        }
        if (c.max !== undefined) {
          cases.push({ name: `max ${c.max}`, value: make(c.max), accept: true });
          cases.push({ name: `max+1 ${c.max + 1}`, value: make(c.max + 1), accept: false });
        }
        break;
      }
      case 'width':
        if (c.min !== undefined) {
          if (!WIDTH_ACCEPT_UNREACHABLE.has(`${site.key} min`))
            cases.push({ name: `width min ${c.min}`, value: c.min, accept: true });
          cases.push({ name: `width min-1 ${c.min - 1}`, value: c.min - 1, accept: false });
        }
        if (c.max !== undefined) {
          if (!WIDTH_ACCEPT_UNREACHABLE.has(`${site.key} max`))
            cases.push({ name: `width max ${c.max}`, value: c.max, accept: true });
          cases.push({ name: `width max+1 ${c.max + 1}`, value: c.max + 1, accept: false });
        }
        break;
      case 'unicode': {
        // a valid value of the member's smallest length with its last code unit swapped for a lone surrogate
        const valid = stringOf(site.key, site.shapeName, Math.max(shape.min ?? 1, 1), site.idempotencyToken);
        cases.push({
          name: 'unpaired surrogate',
          value: `${valid.slice(0, -1)}\ud800`,
          accept: false,
          // a client token's own pattern (letters, digits, - and _) refuses it first, with its own message
          ...(site.idempotencyToken ? {} : { message: UNICODE_MESSAGE }),
        });
        break;
      }
      case 'pattern':
        // the two patterns in the model (Cloud Map attribute keys and values) take printable ASCII only,
        // with spaces nowhere in a key and only between other characters in a value
        for (const v of ['\u00e9', ' a', 'a\tb']) {
          cases.push({ name: `outside the pattern ${JSON.stringify(v)}`, value: v, accept: false });
        }
        cases.push({
          name: 'a space after the first character',
          value: 'a b',
          accept: site.shapeName === 'AwsCloudMapInstanceAttributeValue',
        });
        break;
      case 'enum':
        for (const v of c.values) cases.push({ name: `enum ${v}`, value: v, accept: true });
        cases.push({ name: 'enum outside', value: 'NOT_IN_THE_ENUM', accept: false });
        break;
      case 'union': {
        const members = shape.members ?? {};
        cases.push({ name: 'union with no member', value: {}, accept: false });
        for (const m of c.members) {
          cases.push({
            name: `union member ${m}`,
            value: { [m]: minimal(members[m]!.shape, `${site.shapeName}.${m}`) },
            accept: true,
          });
        }
        if (c.members.length >= 2) {
          const [a, b] = c.members as [string, string];
          cases.push({
            name: `union with ${a} and ${b}`,
            value: {
              [a]: minimal(members[a]!.shape, `${site.shapeName}.${a}`),
              [b]: minimal(members[b]!.shape, `${site.shapeName}.${b}`),
            },
            accept: false,
          });
        }
        break;
      }
    }
  }
  return cases;
}

// ---------- the test

describe('model conformance', () => {
  it('when the service model is read, then it is the verbatim botocore copy', () => {
    expect(createHash('sha256').update(raw).digest('hex')).toBe(MODEL_SHA256);
  });

  it('when listing the operations for meshes, virtual services, virtual gateways, gateway routes, virtual nodes, virtual routers, routes and tags, then each has an input schema', () => {
    const served = Object.keys(model.operations).filter((op) =>
      /^(Create|Describe|Update|Delete|List)(Mesh|Meshes|VirtualServices?|VirtualGateways?|GatewayRoutes?|VirtualNodes?|VirtualRouters?|Routes?)$|^(TagResource|UntagResource|ListTagsForResource)$/.test(
        op,
      ),
    );
    expect(served.sort()).toEqual(Object.keys(INPUT_SCHEMAS).sort());
  });

  it('when any member reachable from a served input is looked up, then it has a console label', () => {
    const missing = new Set<string>();
    const walk = (shapeName: string, path: Seg[], seen: string[]) => {
      const shape = shapeOf(shapeName);
      if (path.length > 0 && labelFor(path) === undefined)
        missing.add(path.map((p) => (typeof p === 'number' ? '*' : p)).join('.'));
      if (seen.includes(shapeName)) return;
      if (shape.type === 'structure') {
        for (const [name, ref] of Object.entries(shape.members ?? {}))
          walk(ref.shape, [...path, name], [...seen, shapeName]);
      } else if (shape.type === 'list') {
        walk(shape.member!.shape, [...path, 0], [...seen, shapeName]);
      }
    };
    for (const op of Object.keys(INPUT_SCHEMAS)) {
      const inputShape = model.operations[op]!.input!.shape;
      walk(inputShape, [], []);
    }
    expect([...missing].sort()).toEqual([]);
  });

  it('when the output shapes are compared with the model, then members, required members and status codes agree', () => {
    const outputs: Record<string, z.ZodObject> = {
      MeshData: MeshDataSchema,
      MeshRef: MeshRefSchema,
      MeshStatus: MeshStatusSchema,
      VirtualServiceData: VirtualServiceDataSchema,
      VirtualServiceRef: VirtualServiceRefSchema,
      VirtualServiceStatus: VirtualServiceStatusSchema,
      VirtualGatewayData: VirtualGatewayDataSchema,
      VirtualGatewayRef: VirtualGatewayRefSchema,
      VirtualGatewayStatus: VirtualGatewayStatusSchema,
      GatewayRouteData: GatewayRouteDataSchema,
      GatewayRouteRef: GatewayRouteRefSchema,
      GatewayRouteStatus: GatewayRouteStatusSchema,
      VirtualNodeData: VirtualNodeDataSchema,
      VirtualNodeRef: VirtualNodeRefSchema,
      VirtualNodeStatus: VirtualNodeStatusSchema,
      VirtualRouterData: VirtualRouterDataSchema,
      VirtualRouterRef: VirtualRouterRefSchema,
      VirtualRouterStatus: VirtualRouterStatusSchema,
      RouteData: RouteDataSchema,
      RouteRef: RouteRefSchema,
      RouteStatus: RouteStatusSchema,
      ResourceMetadata: ResourceMetadataSchema,
    };
    for (const [shapeName, schema] of Object.entries(outputs)) {
      const shape = shapeOf(shapeName);
      expect(Object.keys(schema.shape).sort(), shapeName).toEqual(Object.keys(shape.members ?? {}).sort());
      const required = Object.entries(schema.shape)
        .filter(([, member]) => !(member as z.ZodType).safeParse(undefined).success)
        .map(([name]) => name)
        .sort();
      expect(required, shapeName).toEqual([...(shape.required ?? [])].sort());
      if (shapeName.endsWith('Status')) {
        const codes = shapeOf(shape.members!.status!.shape).enum!;
        const statusSchema = schema.shape.status as z.ZodType;
        for (const code of codes) expect(statusSchema.safeParse(code).success, `${shapeName} ${code}`).toBe(true);
        expect(statusSchema.safeParse('GONE').success).toBe(false);
      }
    }
  });

  it('when every constrained member is pushed to and past its limits, then the schemas accept and reject exactly as the model says', () => {
    const failures: string[] = [];
    let members = 0;
    let checks = 0;
    for (const [op, schema] of Object.entries(INPUT_SCHEMAS)) {
      const inputShape = model.operations[op]!.input!.shape;
      const baseline = minimal(inputShape, inputShape) as Obj;
      harmonize(baseline);
      const base = schema.safeParse(baseline);
      if (!base.success) {
        failures.push(`${op}: baseline rejected: ${JSON.stringify(base.error.issues)}`);
        continue;
      }
      for (const site of collectSites(op)) {
        members++;
        const where = `${op} ${site.path.join('.')}`;
        for (const c of casesFor(site)) {
          checks++;
          const doc = documentWith(site, c.value);
          const result = schema.safeParse(doc);
          if (c.accept) {
            if (!result.success) {
              failures.push(
                `${where} [${c.name}] rejected: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
              );
            } else if (JSON.stringify(valueAt(result.data, site.path)) !== JSON.stringify(c.value)) {
              failures.push(
                `${where} [${c.name}] accepted but the value did not survive parsing (member unknown to the schema?)`,
              );
            }
          } else if (result.success) {
            failures.push(`${where} [${c.name}] accepted`);
          } else {
            const target = site.path.join('.');
            const onField = result.error.issues.filter((i) => i.path.join('.') === target);
            if (c.message && onField.length > 0 && !onField.some((i) => c.message?.test(i.message))) {
              failures.push(
                `${where} [${c.name}] rejected on ${target}, but not with ${c.message}: ${onField.map((i) => i.message).join('; ')}`,
              );
            }
            if (onField.length === 0) {
              failures.push(
                `${where} [${c.name}] rejected, but not on ${target}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
              );
            }
          }
        }
      }
    }
    console.log(`model conformance: ${members} constrained members checked (${checks} cases)`);
    expect(failures).toEqual([]);
    expect(members).toBeGreaterThan(800);
    // 3,500 parses since virtual nodes, routers and routes joined (3.3 s alone on this machine; more when it is shared)
  }, 30_000);

  it('when the served inputs are walked, then the only members with a model `pattern` are the Cloud Map attributes, which the cases above push outside it', () => {
    const everywhere = Object.entries(model.shapes)
      .filter(([, shape]) => shape.pattern !== undefined)
      .map(([name]) => name)
      .sort();
    expect(everywhere).toEqual(['AwsCloudMapInstanceAttributeKey', 'AwsCloudMapInstanceAttributeValue']);
    const reachable = new Set<string>();
    for (const op of Object.keys(INPUT_SCHEMAS)) {
      for (const site of collectSites(op))
        if (shapeOf(site.shapeName).pattern !== undefined) reachable.add(site.shapeName);
    }
    expect([...reachable].sort()).toEqual(everywhere);
  });

  it('when a number member is checked, then its width is the model type: integer is 32-bit, long the exact JSON range', () => {
    let integers = 0;
    let longs = 0;
    for (const op of Object.keys(INPUT_SCHEMAS)) {
      for (const site of collectSites(op)) {
        const { type } = shapeOf(site.shapeName);
        if (type === 'integer') integers++;
        if (type === 'long') longs++;
      }
    }
    console.log(`model conformance: ${integers} integer and ${longs} long members, widths checked`);
    expect(integers).toBeGreaterThan(10);
    expect(longs).toBeGreaterThan(5);
  });
});
