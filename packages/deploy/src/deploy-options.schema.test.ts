import { describe, expect, it } from 'vitest';
import { DEFAULT_ENVOY_IMAGE, parseDeployOptions } from './deploy-options.schema';

describe('parseDeployOptions', () => {
  it('when nothing is given, then the defaults apply (2 replicas, pinned Envoy, admin port 9901)', () => {
    const parsed = parseDeployOptions({});
    expect(parsed).toEqual({ success: true, data: { replicas: 2, envoyImage: DEFAULT_ENVOY_IMAGE, adminPort: 9901 } });
  });

  it('when options arrive as query strings, then numbers are read and blanks mean the default', () => {
    const parsed = parseDeployOptions({
      replicas: '3',
      namespace: 'edge',
      envoyImage: '',
      clusterName: ' ',
      adminPort: '9902',
    });
    expect(parsed.success && parsed.data).toEqual({
      replicas: 3,
      namespace: 'edge',
      envoyImage: DEFAULT_ENVOY_IMAGE,
      adminPort: 9902,
    });
  });

  it.each([
    ['replicas', '1', 'Replicas must be a whole number between 2 and 50.'],
    ['replicas', '51', 'Replicas must be a whole number between 2 and 50.'],
    ['replicas', '2.5', 'Replicas must be a whole number between 2 and 50.'],
    ['replicas', 'many', 'Replicas must be a whole number between 2 and 50.'],
    ['adminPort', '0', 'Envoy admin port must be a whole number between 1 and 65535.'],
    ['namespace', 'a'.repeat(64), 'Namespace must be at most 63 characters.'],
    ['clusterName', 'edge gw', 'Cluster name override may contain only letters, digits and . _ : / - (no spaces).'],
    ['region', 'mars', 'Region must be an AWS Region such as us-west-2.'],
    [
      'iamRoleArn',
      'role/x',
      'IAM role ARN must be an IAM role ARN such as arn:aws:iam::123456789012:role/envoy-gateway.',
    ],
  ])('when %s is %j, then the message is %j', (field, value, message) => {
    const parsed = parseDeployOptions({ [field]: value });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.fieldErrors).toEqual({ [field]: [message] });
  });

  it('when the image has a digest or a private registry with a port, then it is accepted', () => {
    for (const envoyImage of [
      '840364872350.dkr.ecr.us-west-2.amazonaws.com/aws-appmesh-envoy:v1.29.12.1-prod',
      `registry.local:5000/envoy@sha256:${'a'.repeat(64)}`,
    ]) {
      expect(parseDeployOptions({ envoyImage }).success).toBe(true);
    }
  });
});
