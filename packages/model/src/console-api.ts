import { z } from 'zod';
import {
  AccountIdSchema,
  MeshOwnerSchema,
  ResourceArnSchema,
  resourceName,
  TagKeyListSchema,
  TagListSchema,
  TagRefSchema,
} from './common';
import {
  CreateGatewayRouteInputSchema,
  CreateMeshInputSchema,
  CreateVirtualGatewayInputSchema,
  CreateVirtualServiceInputSchema,
  UpdateGatewayRouteInputSchema,
  UpdateMeshInputSchema,
  UpdateVirtualGatewayInputSchema,
  UpdateVirtualServiceInputSchema,
} from './operations';

/**
 * The console API's wire contract: what the BFF answers, the console parses and e2e reads. Every
 * shape of `/api` is here once (bodies below, answers from the resource schemas and these).
 */

/** Header every state-changing console API call must carry, with the value `CSRF_HEADER_VALUE`. */
export const CSRF_HEADER = 'x-meshconsole-csrf';
export const CSRF_HEADER_VALUE = '1';

/** `{ "error": { code, message, requestId, fieldErrors? } }` with the exception's HTTP status. */
export const ApiErrorEnvelopeSchema = z.object({
  error: z.object({
    /** An `ExceptionName` (see `EXCEPTIONS`); kept open so a client never fails to read an error. */
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  }),
});
export type ApiErrorEnvelope = z.infer<typeof ApiErrorEnvelopeSchema>;

export const BACKENDS = ['local', 'appmesh'] as const;

/** The credential scope's service name of signed test-support requests (`/api/admin/*`). */
export const TEST_SUPPORT_SIGNING_SERVICE = 'meshconsole';

/** Whether this server answers the test-support endpoints (`/api/admin/*`), and how (docs/security.md). */
export const TestSupportSchema = z.object({
  /** They answer: the local mesh, and a loopback HOST or ADMIN_API=on. */
  enabled: z.boolean(),
  /** Each request must be SigV4-signed (service `meshconsole`, the session's region) by an ADMIN_KEYS key. */
  signatureRequired: z.boolean(),
  /** Why they are off, for people. */
  reason: z.string().optional(),
});
export type TestSupport = z.infer<typeof TestSupportSchema>;

export const SessionSchema = z.object({
  accountId: AccountIdSchema,
  region: z.string(),
  backend: z.enum(BACKENDS),
  testSupport: TestSupportSchema.optional(),
});
export type Session = z.infer<typeof SessionSchema>;

/**
 * A GET the console makes on a page's first load, as a template: a path whose `:param` segments are
 * the route's parameters, and a fixed query (the console's app/route-data.ts lists them per route).
 */
export interface RouteDataRequest {
  path: string;
  query?: Readonly<Record<string, string>>;
}

/**
 * A first-load GET's URL, built as the console's api-client builds it, so a preload named in the HTML
 * is the request the page then makes: each parameter URI-encoded, `meshOwner` added under
 * `/api/meshes/:mesh` when there is one, the query's keys sorted.
 */
export function routeDataUrl(
  request: RouteDataRequest,
  params: Readonly<Record<string, string>>,
  meshOwner: string | undefined,
): string {
  const path = request.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
  const query: Record<string, string> = { ...request.query };
  if (meshOwner && request.path.startsWith('/api/meshes/:mesh')) query.meshOwner = meshOwner;
  const qs = new URLSearchParams(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))).toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * How a server render of a first load asks the console API for a GET (`path?query` under `/api`):
 * the BFF answers it from its own server (apps/bff/src/http/server-render.ts).
 */
export type ServerRenderFetch = (
  path: string,
  init: { method?: string; headers: Record<string, string>; signal?: AbortSignal | undefined },
) => Promise<Response>;

/** A server render of a first load (the console's entry-server.tsx): `#root`'s markup and its queries' data. */
export interface ServerRender {
  html: string;
  /** The queries' data as JSON, safe inside a `<script type="application/json">` element. */
  state: string;
}

/**
 * A page for the server render's worker thread (the console's server bundle run by the BFF's
 * http/server-render.ts): the page's path and query, and where its GETs go: the address and port its
 * request came in on, with its `Host`.
 */
export interface ServerRenderJob {
  id: number;
  url: string;
  address: string;
  port: number;
  host: string;
  /** Milliseconds the render may wait for the console API. */
  timeoutMs: number;
}

/** The worker's answer: the render, none (the browser renders the page), or what went wrong. */
export interface ServerRenderReply {
  id: number;
  render?: ServerRender;
  error?: string;
}

/** The worker data that makes the console's server bundle serve ServerRenderJobs. */
export const SERVER_RENDER_WORKER = 'meshconsole-server-render';

/** A console API list: `{ items, nextToken? }`. */
export function PageSchema<T extends z.ZodType>(itemSchema: T) {
  return z.object({ items: z.array(itemSchema), nextToken: z.string().optional() });
}
export type Page<T> = { items: T[]; nextToken?: string };

/** A page with `nextToken` only when there is a next page. */
export function pageOf<T>(items: T[], nextToken: string | null | undefined): Page<T> {
  return nextToken ? { items, nextToken } : { items };
}

/** `GET /api/tags?resourceArn=`: every tag of the resource (all pages). */
export const TagsAnswerSchema = z.object({ tags: z.array(TagRefSchema) });
export type TagsAnswer = z.infer<typeof TagsAnswerSchema>;

/** `POST /api/tags` and `POST /api/untag`: an empty object. */
export const EmptyAnswerSchema = z.object({});
export type EmptyAnswer = z.infer<typeof EmptyAnswerSchema>;

// ---------- deploy bundles (`GET /api/meshes/:mesh/virtual-gateways/:name/deploy`)

export const DEPLOY_TARGETS = ['kubernetes', 'ecs', 'ec2', 'iam'] as const;
export type DeployTarget = (typeof DEPLOY_TARGETS)[number];
export const DEPLOY_TARGET_LABELS: Readonly<Record<DeployTarget, string>> = {
  kubernetes: 'Kubernetes',
  ecs: 'Amazon ECS',
  ec2: 'Amazon EC2',
  iam: 'IAM',
};
export const ARTIFACT_MEDIA_TYPES = [
  'application/yaml',
  'application/json',
  'text/x-shellscript',
  'text/plain',
  'text/markdown',
] as const;
export type ArtifactMediaType = (typeof ARTIFACT_MEDIA_TYPES)[number];

export const DeployArtifactSchema = z.object({
  /** Stable id, unique in a bundle, e.g. `kubernetes-deployment`. */
  id: z.string(),
  target: z.enum(DEPLOY_TARGETS),
  /** A short human title, e.g. "Deployment". */
  title: z.string(),
  /** File name inside the target's folder of the bundle, e.g. `deployment.yaml`. */
  filename: z.string(),
  mediaType: z.enum(ARTIFACT_MEDIA_TYPES),
  content: z.string(),
});
export type DeployArtifact = z.infer<typeof DeployArtifactSchema>;

/** The options a bundle was generated with, defaults filled in. */
export const ResolvedDeployOptionsSchema = z.object({
  namespace: z.string(),
  replicas: z.number(),
  envoyImage: z.string(),
  clusterName: z.string().optional(),
  region: z.string(),
  iamRoleArn: z.string(),
  adminPort: z.number(),
});
export type ResolvedDeployOptions = z.infer<typeof ResolvedDeployOptionsSchema>;

export const DeployBundleSchema = z.object({
  artifacts: z.array(DeployArtifactSchema),
  warnings: z.array(z.string()),
  options: ResolvedDeployOptionsSchema,
});
export type DeployBundle = z.infer<typeof DeployBundleSchema>;

// ---------- mesh exports (`GET /api/meshes/:mesh/export?format=`; packages/export fills these types)

export const EXPORT_FORMATS = ['terraform', 'cloudformation', 'controller', 'gateway-api'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_FORMAT_LABELS: Readonly<Record<ExportFormat, string>> = {
  terraform: 'Terraform',
  cloudformation: 'CloudFormation',
  controller: 'App Mesh controller',
  'gateway-api': 'Gateway API',
};

export const ExportAnswerSchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  files: z.array(z.object({ path: z.string(), content: z.string() })),
  /** What the format has no equivalent for: `resource` (e.g. `virtualGateway/gw`), the spec `field`, and what to do instead. */
  untranslated: z.array(z.object({ resource: z.string(), field: z.string(), reason: z.string() })),
});
export type ExportAnswer = z.infer<typeof ExportAnswerSchema>;

/** Query of an export: `?format&virtualGateway&meshOwner`. */
export const ExportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, {
    error: (i) =>
      i.input === undefined
        ? `Format is required: one of ${EXPORT_FORMATS.join(', ')}.`
        : `Format must be one of ${EXPORT_FORMATS.join(', ')}.`,
  }),
  virtualGateway: resourceName('virtualGatewayName').optional(),
  meshOwner: MeshOwnerSchema,
});

/** Query of a console API list: `?limit&nextToken&meshOwner`. */
export const PageQuerySchema = z.object({
  limit: z.coerce
    .number({ error: 'Limit must be a number.' })
    .int({ error: 'Limit must be a whole number.' })
    .min(1, { error: 'Limit must be between 1 and 100.' })
    .max(100, { error: 'Limit must be between 1 and 100.' })
    .optional(),
  nextToken: z.string().optional(),
  meshOwner: MeshOwnerSchema,
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

// ---------- bodies (the path carries meshName / names, the query carries meshOwner)

export const CreateMeshBodySchema = CreateMeshInputSchema;
export type CreateMeshBody = z.infer<typeof CreateMeshBodySchema>;
export const UpdateMeshBodySchema = UpdateMeshInputSchema.omit({ meshName: true });
export type UpdateMeshBody = z.infer<typeof UpdateMeshBodySchema>;

export const CreateVirtualServiceBodySchema = CreateVirtualServiceInputSchema.omit({ meshName: true, meshOwner: true });
export type CreateVirtualServiceBody = z.infer<typeof CreateVirtualServiceBodySchema>;
export const UpdateVirtualServiceBodySchema = UpdateVirtualServiceInputSchema.pick({ spec: true, clientToken: true });
export type UpdateVirtualServiceBody = z.infer<typeof UpdateVirtualServiceBodySchema>;

export const CreateVirtualGatewayBodySchema = CreateVirtualGatewayInputSchema.omit({ meshName: true, meshOwner: true });
export type CreateVirtualGatewayBody = z.infer<typeof CreateVirtualGatewayBodySchema>;
export const UpdateVirtualGatewayBodySchema = UpdateVirtualGatewayInputSchema.pick({ spec: true, clientToken: true });
export type UpdateVirtualGatewayBody = z.infer<typeof UpdateVirtualGatewayBodySchema>;

export const CreateGatewayRouteBodySchema = CreateGatewayRouteInputSchema.omit({
  meshName: true,
  virtualGatewayName: true,
  meshOwner: true,
});
export type CreateGatewayRouteBody = z.infer<typeof CreateGatewayRouteBodySchema>;
export const UpdateGatewayRouteBodySchema = UpdateGatewayRouteInputSchema.pick({ spec: true, clientToken: true });
export type UpdateGatewayRouteBody = z.infer<typeof UpdateGatewayRouteBodySchema>;

export const TagResourceBodySchema = z.object(
  { resourceArn: ResourceArnSchema, tags: TagListSchema },
  { error: 'The request must be a JSON object.' },
);
export type TagResourceBody = z.infer<typeof TagResourceBodySchema>;
export const UntagResourceBodySchema = z.object(
  { resourceArn: ResourceArnSchema, tagKeys: TagKeyListSchema },
  { error: 'The request must be a JSON object.' },
);
export type UntagResourceBody = z.infer<typeof UntagResourceBodySchema>;

export const AdminResetBodySchema = z.object({
  seed: z.enum(['demo', 'none'], { error: 'Seed must be one of demo, none.' }),
  /**
   * Fixed time for what is created from now on (an ISO-8601 instant), `null` for the clock; absent:
   * the server's FIXED_TIME. Lets one test fix the time without restarting the server.
   */
  fixedTime: z.iso
    .datetime({
      offset: true,
      error: 'Fixed time must be an ISO-8601 instant with a time zone, such as 2026-01-15T12:00:00Z.',
    })
    .nullable()
    .optional(),
  /** Fixed ids (any text up to 256 characters), `null` for random uids; absent: the server's FIXED_IDS. */
  fixedIds: z
    .string({ error: 'Fixed ids must be text.' })
    .max(256, { error: 'Fixed ids must be at most 256 characters.' })
    .nullable()
    .optional(),
});
export type AdminResetBody = z.infer<typeof AdminResetBodySchema>;
