import { describe, expect, it } from 'vitest';
import { FORM_ERROR, fieldOfPath } from '../../../../components/form/model-form';
import {
  emptyFormValues,
  importVirtualGatewayJson,
  specToFormValues,
  toRequest,
  VIRTUAL_GATEWAY_CREATE_FORM,
  type VirtualGatewayFormValues,
} from './form-definition';

/** The model's issues for the create request of `values`, each at its form field: the first per field. */
function validateForm(values: VirtualGatewayFormValues, _mode: 'create') {
  const result = VIRTUAL_GATEWAY_CREATE_FORM.schema.safeParse(toRequest(values));
  if (result.success) return [];
  const seen = new Set<string>();
  const issues: Array<{ field: string | undefined; message: string }> = [];
  for (const issue of result.error.issues) {
    const field = fieldOfPath(VIRTUAL_GATEWAY_CREATE_FORM, issue.path, values);
    if (seen.has(field)) continue;
    seen.add(field);
    issues.push({ field: field === FORM_ERROR ? undefined : field, message: issue.message });
  }
  return issues;
}

const requestPathToField = (path: string, values: VirtualGatewayFormValues) => {
  const field = fieldOfPath(VIRTUAL_GATEWAY_CREATE_FORM, path, values);
  return field === FORM_ERROR ? undefined : field;
};

const PRODUCT_EXAMPLE = { spec: { listeners: [{ portMapping: { port: 9080, protocol: 'http' } }] } };

const FULL_SPEC = {
  backendDefaults: {
    clientPolicy: {
      tls: {
        enforce: true,
        ports: [443, 8443],
        certificate: { file: { certificateChain: '/certs/client.pem', privateKey: '/certs/client.key' } },
        validation: {
          trust: {
            acm: { certificateAuthorityArns: ['arn:aws:acm-pca:us-west-2:123456789012:certificate-authority/abc'] },
          },
          subjectAlternativeNames: { match: { exact: ['svc.example.com', 'spiffe://example.com/app'] } },
        },
      },
    },
  },
  listeners: [
    {
      portMapping: { port: 8443, protocol: 'http' },
      connectionPool: { http: { maxConnections: 100, maxPendingRequests: 50 } },
      healthCheck: {
        protocol: 'http',
        port: 8443,
        healthyThreshold: 2,
        intervalMillis: 5000,
        path: '/ping',
        timeoutMillis: 2000,
        unhealthyThreshold: 3,
      },
      tls: {
        mode: 'STRICT',
        certificate: { sds: { secretName: 'gateway-cert' } },
        validation: {
          trust: { file: { certificateChain: '/certs/ca.pem' } },
          subjectAlternativeNames: { match: { exact: ['client.example.com'] } },
        },
      },
    },
  ],
  logging: {
    accessLog: { file: { path: '/dev/stdout', format: { json: [{ key: 'status', value: '%RESPONSE_CODE%' }] } } },
  },
};

describe('import JSON', () => {
  it('when the product example is imported, then the listener is filled and nothing is left out', () => {
    const result = importVirtualGatewayJson(PRODUCT_EXAMPLE, { mesh: 'm', currentName: 'gw' });
    expect(result.unused).toEqual([]);
    expect(result.values.listener.port).toBe('9080');
    expect(result.values.listener.protocol).toBe('http');
    expect(result.values.name).toBe('gw');
    expect(toRequest(result.values)).toEqual({ virtualGatewayName: 'gw', spec: PRODUCT_EXAMPLE.spec });
  });

  it('when a spec with every section is imported, then the request round-trips exactly', () => {
    const result = importVirtualGatewayJson(
      { virtualGatewayName: 'full', spec: FULL_SPEC },
      { mesh: 'm', currentName: '' },
    );
    expect(result.unused).toEqual([]);
    expect(toRequest(result.values)).toEqual({ virtualGatewayName: 'full', spec: FULL_SPEC });
    expect(validateForm(result.values, 'create')).toEqual([]);
  });

  it('when the JSON has fields the form cannot hold, then each one is listed', () => {
    const result = importVirtualGatewayJson(
      {
        meshName: 'other-mesh',
        tags: [{ key: 'team', value: 'a' }],
        spec: {
          listeners: [{ portMapping: { port: 80, protocol: 'http' } }, { portMapping: { port: 81, protocol: 'grpc' } }],
          unknownThing: true,
        },
      },
      { mesh: 'm', currentName: '' },
    );
    const paths = result.unused.map((u) => u.path);
    expect(paths.sort()).toEqual(
      [
        'meshName',
        'spec.listeners.1.portMapping.port',
        'spec.listeners.1.portMapping.protocol',
        'spec.unknownThing',
      ].sort(),
    );
  });

  it('when the JSON has tags, then they are used: the create request carries them and none is listed as unused', () => {
    const tags = [
      { key: 'team', value: 'edge' },
      { key: 'env', value: '' },
    ];
    const result = importVirtualGatewayJson({ tags, spec: PRODUCT_EXAMPLE.spec }, { mesh: 'm', currentName: 'gw' });
    expect(result.unused).toEqual([]);
    expect(result.values.tags).toEqual(tags);
    expect(toRequest(result.values)).toEqual({ virtualGatewayName: 'gw', spec: PRODUCT_EXAMPLE.spec, tags });
    expect(validateForm(result.values, 'create')).toEqual([]);
  });

  it('when a tag has no text key or value, then only that tag is listed as unused', () => {
    const result = importVirtualGatewayJson(
      {
        tags: [
          { key: 'ok', value: 'yes' },
          { key: 7, value: 'x' },
        ],
        spec: PRODUCT_EXAMPLE.spec,
      },
      { mesh: 'm', currentName: 'gw' },
    );
    expect(result.values.tags).toEqual([{ key: 'ok', value: 'yes' }]);
    expect(result.unused.map((u) => u.path)).toEqual(['tags.1.key', 'tags.1.value']);
  });

  it('when the JSON names the mesh and owner open in the console, then neither is listed as unused', () => {
    const result = importVirtualGatewayJson(
      { meshName: 'shared', meshOwner: '111122223333', spec: PRODUCT_EXAMPLE.spec },
      { mesh: 'shared', meshOwner: '111122223333', currentName: 'gw' },
    );
    expect(result.unused).toEqual([]);
    const other = importVirtualGatewayJson(
      { meshName: 'shared', meshOwner: '999999999999', spec: PRODUCT_EXAMPLE.spec },
      { mesh: 'shared', meshOwner: '111122223333', currentName: 'gw' },
    );
    expect(other.unused.map((u) => u.path)).toEqual(['meshOwner']);
  });

  it('when tags are imported into an edit, then they are listed: an update request has no tags', () => {
    const result = importVirtualGatewayJson(
      { tags: [{ key: 'team', value: 'edge' }], spec: PRODUCT_EXAMPLE.spec },
      { mesh: 'm', currentName: 'gw', withTags: false },
    );
    expect(result.values.tags).toEqual([]);
    expect(result.unused.map((u) => u.path)).toEqual(['tags.0.key', 'tags.0.value']);
    expect(result.unused[0]?.reason).toContain('Tags tab');
  });

  it('when a describe output is imported, then the spec and name are used and metadata is listed as read-only', () => {
    const result = importVirtualGatewayJson(
      {
        virtualGateway: {
          virtualGatewayName: 'described',
          meshName: 'm',
          spec: PRODUCT_EXAMPLE.spec,
          metadata: { version: 1 },
          status: { status: 'ACTIVE' },
        },
      },
      { mesh: 'm', currentName: '' },
    );
    expect(result.values.name).toBe('described');
    expect(result.unused.map((u) => u.path)).toEqual([
      'virtualGateway.metadata.version',
      'virtualGateway.status.status',
    ]);
  });
});

describe('form to request', () => {
  it('when optional sections are off, then the request carries only the name and the listener', () => {
    const v = emptyFormValues();
    v.name = 'gw';
    v.listener.port = '8080';
    v.clientPolicy.ports = '443';
    v.listener.maxConnections = '10';
    expect(toRequest(v)).toEqual({
      virtualGatewayName: 'gw',
      spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    });
  });

  it('when the listener is http2 with a pool, then the pool is an http2 pool with Maximum requests', () => {
    const v = specToFormValues({ listeners: [{ portMapping: { port: 1, protocol: 'http2' } }] }, 'gw');
    v.listener.connectionPoolEnabled = true;
    v.listener.maxRequests = '7';
    expect(toRequest(v).spec.listeners).toEqual([
      { portMapping: { port: 1, protocol: 'http2' }, connectionPool: { http2: { maxRequests: 7 } } },
    ]);
  });
});

describe('validation messages', () => {
  it('when the health check interval is out of range, then the model message lands on that field', () => {
    const v = specToFormValues(FULL_SPEC, 'gw');
    v.listener.healthCheck.intervalMillis = '100';
    expect(validateForm(v, 'create')).toEqual([
      {
        field: 'listener.healthCheck.intervalMillis',
        message: 'Health check interval must be between 5000 and 300000 ms.',
      },
    ]);
  });

  it('when the name and port are empty, then both are required', () => {
    const issues = validateForm(emptyFormValues(), 'create');
    expect(issues).toEqual([
      { field: 'name', message: 'Virtual gateway name is required.' },
      { field: 'listener.port', message: 'Port is required.' },
    ]);
  });

  it('when a server field path is given, then it maps to the form field', () => {
    const v = emptyFormValues();
    expect(requestPathToField('spec.listeners.0.tls.validation.subjectAlternativeNames.match.exact.2', v)).toBe(
      'listener.tls.sans.2.value',
    );
    expect(requestPathToField('spec.backendDefaults.clientPolicy.tls.ports.0', v)).toBe('clientPolicy.ports');
    expect(requestPathToField('spec.logging.accessLog.file.format.json.1.value', v)).toBe('logging.json.1.value');
    expect(requestPathToField('virtualGatewayName', v)).toBe('name');
    expect(requestPathToField('tags.0.key', v)).toBeUndefined();
  });
});

describe('every field in error gets its own message', () => {
  type Mutate = (v: ReturnType<typeof emptyFormValues>) => void;
  const cases: Array<[string, Mutate, string]> = [
    [
      'name',
      (v) => {
        v.name = 'a/b';
      },
      'Virtual gateway name must not contain "/".',
    ],
    [
      'listener.port',
      (v) => {
        v.listener.port = '0';
      },
      'Port must be between 1 and 65535.',
    ],
    [
      'listener.maxConnections',
      (v) => {
        v.listener.maxConnections = '0';
      },
      'Maximum connections must be at least 1.',
    ],
    [
      'listener.maxPendingRequests',
      (v) => {
        v.listener.maxPendingRequests = '1.5';
      },
      'Maximum pending requests must be a whole number.',
    ],
    [
      'listener.healthCheck.protocol',
      (v) => {
        v.listener.healthCheck.protocol = '';
      },
      'Health check protocol is required.',
    ],
    [
      'listener.healthCheck.port',
      (v) => {
        v.listener.healthCheck.port = '65536';
      },
      'Health check port must be between 1 and 65535.',
    ],
    [
      'listener.healthCheck.healthyThreshold',
      (v) => {
        v.listener.healthCheck.healthyThreshold = '11';
      },
      'Healthy threshold must be between 2 and 10.',
    ],
    [
      'listener.healthCheck.timeoutMillis',
      (v) => {
        v.listener.healthCheck.timeoutMillis = '1';
      },
      'Timeout period must be between 2000 and 60000 ms.',
    ],
    [
      'listener.healthCheck.unhealthyThreshold',
      (v) => {
        v.listener.healthCheck.unhealthyThreshold = '';
      },
      'Unhealthy threshold is required.',
    ],
    [
      'listener.tls.validationCertificateChain',
      (v) => {
        v.listener.tls.validationCertificateChain = '';
      },
      'Certificate chain is required.',
    ],
    [
      'listener.tls.sans.0.value',
      (v) => {
        v.listener.tls.sans = [{ value: 'not a san' }];
      },
      'Subject Alternative Name must be a DNS name (such as www.example.com or *.example.com) or a URI (such as spiffe://example.com/app).',
    ],
    [
      'clientPolicy.ports',
      (v) => {
        v.clientPolicy.ports = '443, 70000';
      },
      'Port must be between 1 and 65535.',
    ],
    [
      'clientPolicy.certificateAuthorityArns',
      (v) => {
        v.clientPolicy.certificateAuthorityArns = '';
      },
      'Certificates must have 1 to 3 items.',
    ],
    [
      'clientPolicy.clientCertificateChain',
      (v) => {
        v.clientPolicy.clientCertificateChain = '';
      },
      'Certificate chain is required.',
    ],
    [
      'clientPolicy.sans.2.value',
      (v) => {
        v.clientPolicy.sans.push({ value: '' });
      },
      'Subject Alternative Name is required.',
    ],
    [
      'logging.path',
      (v) => {
        v.logging.path = '';
      },
      'HTTP access logs path is required.',
    ],
    [
      'logging.json.0.key',
      (v) => {
        v.logging.json = [{ key: '', value: 'x' }];
      },
      'Key is required.',
    ],
  ];

  const base = () => {
    const v = specToFormValues(FULL_SPEC, 'gw');
    // Make the client certificate a local file so its chain and key are fields of the form.
    v.clientPolicy.provideClientCertificate = true;
    v.clientPolicy.clientCertificateMethod = 'file';
    v.clientPolicy.clientCertificateChain = '/certs/client.pem';
    v.clientPolicy.clientPrivateKey = '/certs/client.key';
    return v;
  };

  it('when the base form is complete, then it is valid', () => {
    expect(validateForm(base(), 'create')).toEqual([]);
  });

  for (const [field, mutate, message] of cases) {
    it(`when ${field} is wrong, then "${message}" lands on ${field}`, () => {
      const v = base();
      mutate(v);
      expect(validateForm(v, 'create')).toContainEqual({ field, message });
    });
  }
});
