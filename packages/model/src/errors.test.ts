import { describe, expect, it } from 'vitest';
import {
  ApiErrorEnvelopeSchema,
  AppMeshError,
  CreateVirtualGatewayBodySchema,
  CreateVirtualGatewayInputSchema,
  EXCEPTIONS,
  FIELD_LABELS,
  labelFor,
  ONE_LISTENER_MESSAGE,
  parseOrThrow,
  UpdateVirtualGatewayBodySchema,
} from './index';

describe('exceptions', () => {
  it('when the exception table is read, then each status is the modelled one', () => {
    expect(EXCEPTIONS).toEqual({
      BadRequestException: 400,
      ForbiddenException: 403,
      NotFoundException: 404,
      ConflictException: 409,
      ResourceInUseException: 409,
      LimitExceededException: 400,
      TooManyTagsException: 400,
      TooManyRequestsException: 429,
      InternalServerErrorException: 500,
      ServiceUnavailableException: 503,
    });
  });

  it('when an AppMeshError is made, then it carries the name, status and field errors', () => {
    const error = new AppMeshError('ResourceInUseException', 'in use', { x: ['y'] });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ResourceInUseException');
    expect(error.status).toBe(409);
    expect(error.message).toBe('in use');
    expect(error.fieldErrors).toEqual({ x: ['y'] });
    expect(new AppMeshError('NotFoundException', 'gone').fieldErrors).toBeUndefined();
  });
});

describe('parseOrThrow', () => {
  const valid = {
    meshName: 'm1',
    virtualGatewayName: 'gw',
    spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
  };

  it('when the input is valid, then the parsed value is returned', () => {
    expect(parseOrThrow(CreateVirtualGatewayInputSchema, valid)).toEqual(valid);
  });

  it('when the input is invalid, then a BadRequestException names the first field and keys field errors by dotted path', () => {
    const bad = {
      ...valid,
      spec: {
        listeners: [
          {
            portMapping: { port: 70000, protocol: 'http' },
            healthCheck: {
              protocol: 'http',
              healthyThreshold: 2,
              unhealthyThreshold: 2,
              intervalMillis: 100,
              timeoutMillis: 2000,
            },
          },
        ],
      },
    };
    let caught: unknown;
    try {
      parseOrThrow(CreateVirtualGatewayInputSchema, bad);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppMeshError);
    const error = caught as AppMeshError;
    expect(error.name).toBe('BadRequestException');
    expect(error.status).toBe(400);
    expect(error.message).toBe('Port must be between 1 and 65535. (1 more problem)');
    expect(error.fieldErrors).toEqual({
      'spec.listeners.0.portMapping.port': ['Port must be between 1 and 65535.'],
      'spec.listeners.0.healthCheck.intervalMillis': ['Health check interval must be between 5000 and 300000 ms.'],
    });
  });

  it('when the console body is parsed, then paths are relative to the body', () => {
    try {
      parseOrThrow(CreateVirtualGatewayBodySchema, { virtualGatewayName: '', spec: { listeners: [] } });
      expect.unreachable();
    } catch (e) {
      expect((e as AppMeshError).fieldErrors).toEqual({
        virtualGatewayName: ['Virtual gateway name is required.'],
        'spec.listeners': [ONE_LISTENER_MESSAGE],
      });
    }
    expect(Object.keys(UpdateVirtualGatewayBodySchema.shape).sort()).toEqual(['clientToken', 'spec']);
  });

  it('when an error envelope is built from an AppMeshError, then the envelope schema accepts it', () => {
    const envelope = {
      error: { code: 'BadRequestException', message: 'x', requestId: 'r1', fieldErrors: { a: ['b'] } },
    };
    expect(ApiErrorEnvelopeSchema.parse(envelope)).toEqual(envelope);
    expect(ApiErrorEnvelopeSchema.safeParse({ error: { message: 'x', requestId: 'r' } }).success).toBe(false);
  });
});

describe('request bodies', () => {
  it('when a body is not a JSON object, then the message says so', () => {
    for (const body of [null, [], 'x', 3]) {
      expect(() => parseOrThrow(CreateVirtualGatewayBodySchema, body)).toThrow('The request must be a JSON object.');
      expect(() => parseOrThrow(CreateVirtualGatewayInputSchema, body)).toThrow('The request must be a JSON object.');
    }
  });
});

describe('field labels', () => {
  it('when a dotted path with indexes is looked up, then the console label comes back', () => {
    expect(labelFor('spec.listeners.0.healthCheck.intervalMillis')).toBe('Health check interval');
    expect(labelFor(['spec', 'listeners', 0, 'portMapping', 'port'])).toBe('Port');
    expect(FIELD_LABELS['listeners.*.connectionPool.http.maxPendingRequests']).toBe('Maximum pending requests');
    expect(FIELD_LABELS['logging.accessLog.file.path']).toBe('HTTP access logs path');
  });
});
