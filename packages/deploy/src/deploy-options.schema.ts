import { z } from 'zod';

/** Pinned Envoy image: the App Mesh Envoy build current when App Mesh reached end of support. */
export const DEFAULT_ENVOY_IMAGE = 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.12.1-prod';
export const DEFAULT_REPLICAS = 2;
/** Quota "Connected Envoy processes per virtual gateway" (L-33E8F9C9), default 50. */
export const MAX_REPLICAS = 50;
export const DEFAULT_ADMIN_PORT = 9901;

/** The console labels of the options, used in every message. */
export const DEPLOY_OPTION_LABELS = {
  namespace: 'Namespace',
  replicas: 'Replicas',
  envoyImage: 'Envoy image',
  clusterName: 'Cluster name override',
  region: 'Region',
  iamRoleArn: 'IAM role ARN',
  adminPort: 'Envoy admin port',
} as const;

export type DeployOptionName = keyof typeof DEPLOY_OPTION_LABELS;
/** Keys of `DeployOptionsError.fieldErrors`: an option, the options as a whole, or the gateway itself. */
export type DeployFieldName = DeployOptionName | 'options' | 'gateway';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const IMAGE_REFERENCE =
  /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[\w][\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;
const CLUSTER_NAME = /^[A-Za-z0-9._:/-]+$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const IAM_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** Blank strings (an empty query parameter or text box) mean "use the default". */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
/** Whole numbers may arrive as strings (query parameters). */
const numericString = (value: unknown) => {
  const v = blankToUndefined(value);
  return typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v;
};

const wholeNumber = (label: string, min: number, max: number) =>
  z.preprocess(
    numericString,
    z
      .number({ error: `${label} must be a whole number between ${min} and ${max}.` })
      .int({ error: `${label} must be a whole number between ${min} and ${max}.` })
      .min(min, { error: `${label} must be a whole number between ${min} and ${max}.` })
      .max(max, { error: `${label} must be a whole number between ${min} and ${max}.` }),
  );

const optionalText = (schema: z.ZodString) => z.preprocess(blankToUndefined, schema.optional());

export const DeployOptionsSchema = z.object({
  namespace: optionalText(
    z
      .string({ error: 'Namespace must be text.' })
      .max(63, { error: 'Namespace must be at most 63 characters.' })
      .regex(DNS_LABEL, {
        error:
          'Namespace must be a Kubernetes name: lowercase letters, digits and hyphens, starting and ending with a letter or digit.',
      }),
  ),
  replicas: z.preprocess(
    (v) => (blankToUndefined(v) === undefined ? DEFAULT_REPLICAS : v),
    wholeNumber(DEPLOY_OPTION_LABELS.replicas, DEFAULT_REPLICAS, MAX_REPLICAS),
  ),
  envoyImage: z.preprocess(
    (v) => blankToUndefined(v) ?? DEFAULT_ENVOY_IMAGE,
    z
      .string({ error: 'Envoy image must be text.' })
      .max(255, { error: 'Envoy image must be at most 255 characters.' })
      .regex(IMAGE_REFERENCE, {
        error: `Envoy image must be an image reference such as ${DEFAULT_ENVOY_IMAGE}.`,
      }),
  ),
  clusterName: optionalText(
    z
      .string({ error: 'Cluster name override must be text.' })
      .max(255, { error: 'Cluster name override must be at most 255 characters.' })
      .regex(CLUSTER_NAME, {
        error: 'Cluster name override may contain only letters, digits and . _ : / - (no spaces).',
      }),
  ),
  region: optionalText(
    z
      .string({ error: 'Region must be text.' })
      .regex(REGION, { error: 'Region must be an AWS Region such as us-west-2.' }),
  ),
  iamRoleArn: optionalText(
    z.string({ error: 'IAM role ARN must be text.' }).regex(IAM_ROLE_ARN, {
      error: 'IAM role ARN must be an IAM role ARN such as arn:aws:iam::123456789012:role/envoy-gateway.',
    }),
  ),
  adminPort: z.preprocess(
    (v) => (blankToUndefined(v) === undefined ? DEFAULT_ADMIN_PORT : v),
    wholeNumber(DEPLOY_OPTION_LABELS.adminPort, 1, 65535),
  ),
});

/** What a caller may pass (strings accepted where a query parameter would carry them). */
export interface DeployOptionsInput {
  namespace?: string;
  replicas?: number | string;
  envoyImage?: string;
  clusterName?: string;
  region?: string;
  iamRoleArn?: string;
  adminPort?: number | string;
}
/** The options after defaults are applied. */
export type DeployOptions = z.output<typeof DeployOptionsSchema>;

/** Options that do not validate. `fieldErrors` is keyed by option name, messages use the console labels. */
export class DeployOptionsError extends Error {
  override readonly name = 'DeployOptionsError';
  constructor(readonly fieldErrors: Partial<Record<DeployFieldName, string[]>>) {
    const first = Object.values(fieldErrors).flat()[0];
    super(first ?? 'The deployment options are not valid.');
  }
}

export type ParseDeployOptionsResult =
  | { success: true; data: DeployOptions }
  | { success: false; error: DeployOptionsError };

export function parseDeployOptions(input: unknown): ParseDeployOptionsResult {
  const parsed = DeployOptionsSchema.safeParse(input ?? {});
  if (parsed.success) return { success: true, data: parsed.data };
  const fieldErrors: Partial<Record<DeployFieldName, string[]>> = {};
  for (const issue of parsed.error.issues) {
    const key = (issue.path[0] ?? 'options') as DeployFieldName;
    const list = fieldErrors[key] ?? [];
    if (!list.includes(issue.message)) list.push(issue.message);
    fieldErrors[key] = list;
  }
  return { success: false, error: new DeployOptionsError(fieldErrors) };
}
