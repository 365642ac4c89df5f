import { CreateGatewayRouteBodySchema, GatewayRouteSpecSchema } from '@meshconsole/model';
import { describe, expect, it } from 'vitest';
import { modelResolver } from '../../../components/form/model-form';
import {
  buildGatewayRouteBody,
  defaultGatewayRouteFormValues,
  GATEWAY_ROUTE_FORM,
  type GatewayRouteFormValues,
  gatewayRouteFormValuesOf,
} from './gateway-route-form-definition';

function values(overrides: Partial<GatewayRouteFormValues>): GatewayRouteFormValues {
  return {
    ...defaultGatewayRouteFormValues(),
    gatewayRouteName: 'color-route',
    virtualServiceName: 'color.local',
    pathValue: '/color',
    ...overrides,
  };
}

async function errorsOf(v: GatewayRouteFormValues) {
  const options = { fields: {}, shouldUseNativeValidation: false } as Parameters<
    ReturnType<typeof modelResolver<GatewayRouteFormValues, typeof GATEWAY_ROUTE_FORM.schema>>
  >[2];
  const result = await modelResolver(GATEWAY_ROUTE_FORM)(v, undefined, options);
  return result.errors as Record<string, unknown>;
}

describe('buildGatewayRouteBody', () => {
  it('when a minimal http prefix route is entered, then only the chosen route type and the prefix are sent', () => {
    expect(buildGatewayRouteBody(values({}))).toEqual({
      gatewayRouteName: 'color-route',
      spec: {
        httpRoute: {
          match: { prefix: '/color' },
          action: { target: { virtualService: { virtualServiceName: 'color.local' } } },
        },
      },
    });
  });

  it('when every http2 match is filled, then method, port, hostname, headers and query parameters are sent in API terms', () => {
    const body = buildGatewayRouteBody(
      values({
        routeType: 'http2',
        priority: '10',
        targetPort: '8080',
        method: 'POST',
        matchPort: '9080',
        hostnameMatchType: 'suffix',
        hostname: '.example.com',
        pathMatchType: 'exact',
        pathValue: '/color/red',
        headers: [
          { name: 'x-canary', method: 'exact', value: 'true', rangeStart: '', rangeEnd: '', invert: true },
          { name: 'x-version', method: 'range', value: '', rangeStart: '1', rangeEnd: '5', invert: false },
        ],
        queryParameters: [
          { name: 'debug', value: '1' },
          { name: 'trace', value: '' },
        ],
        overrideHostnameRewrite: true,
        rewritePath: true,
        pathRewrite: '/red',
      }),
    );
    expect(body.spec).toEqual({
      priority: 10,
      http2Route: {
        match: {
          path: { exact: '/color/red' },
          hostname: { suffix: '.example.com' },
          method: 'POST',
          port: 9080,
          headers: [
            { name: 'x-canary', match: { exact: 'true' }, invert: true },
            { name: 'x-version', match: { range: { start: 1, end: 5 } } },
          ],
          queryParameters: [{ name: 'debug', match: { exact: '1' } }, { name: 'trace' }],
        },
        action: {
          target: { virtualService: { virtualServiceName: 'color.local' }, port: 8080 },
          rewrite: { hostname: { defaultTargetHostname: 'DISABLED' }, path: { exact: '/red' } },
        },
      },
    });
    expect(CreateGatewayRouteBodySchema.safeParse(body).success).toBe(true);
  });

  it('when the prefix rewrite is overridden without a value, then the matched prefix is kept (defaultPrefix DISABLED)', () => {
    const body = buildGatewayRouteBody(values({ overridePrefixRewrite: true }));
    expect(body.spec.httpRoute?.action.rewrite).toEqual({ prefix: { defaultPrefix: 'DISABLED' } });
  });

  it('when the prefix rewrite is overridden with a value, then the value replaces the prefix', () => {
    const body = buildGatewayRouteBody(values({ overridePrefixRewrite: true, prefixRewrite: '/paint/' }));
    expect(body.spec.httpRoute?.action.rewrite).toEqual({ prefix: { value: '/paint/' } });
  });

  it('when the match type switches away from prefix, then a prefix rewrite chosen earlier is not sent', () => {
    const body = buildGatewayRouteBody(
      values({ overridePrefixRewrite: true, prefixRewrite: '/x/', pathMatchType: 'regex', pathValue: '/c.*' }),
    );
    expect(body.spec.httpRoute?.action.rewrite).toBeUndefined();
    expect(body.spec.httpRoute?.match).toEqual({ path: { regex: '/c.*' } });
  });

  it('when the type is grpc, then service name, hostname, metadata and the hostname override are sent and http fields are not', () => {
    const body = buildGatewayRouteBody(
      values({
        routeType: 'grpc',
        serviceName: 'color.ColorService',
        hostnameMatchType: 'exact',
        hostname: 'api.example.com',
        metadata: [{ name: 'tenant', method: 'prefix', value: 'a', rangeStart: '', rangeEnd: '', invert: false }],
        overrideHostnameRewrite: true,
        method: 'GET',
      }),
    );
    expect(body.spec).toEqual({
      grpcRoute: {
        match: {
          serviceName: 'color.ColorService',
          hostname: { exact: 'api.example.com' },
          metadata: [{ name: 'tenant', match: { prefix: 'a' } }],
        },
        action: {
          target: { virtualService: { virtualServiceName: 'color.local' } },
          rewrite: { hostname: { defaultTargetHostname: 'DISABLED' } },
        },
      },
    });
  });

  it('when a header only has to be present, then it is sent without a match and read back the same way', () => {
    const body = buildGatewayRouteBody(
      values({
        headers: [{ name: 'x-debug', method: 'present', value: '', rangeStart: '', rangeEnd: '', invert: false }],
      }),
    );
    expect(body.spec.httpRoute?.match.headers).toEqual([{ name: 'x-debug' }]);
    expect(gatewayRouteFormValuesOf('r', body.spec).headers[0]?.method).toBe('present');
  });

  it('when a built spec is read back into the form, then building it again gives the same spec', () => {
    const original = values({
      routeType: 'http',
      priority: '0',
      hostnameMatchType: 'exact',
      hostname: 'shop.example.com',
      headers: [{ name: 'x-a', method: 'regex', value: '^a', rangeStart: '', rangeEnd: '', invert: false }],
      overrideHostnameRewrite: true,
      overridePrefixRewrite: true,
      prefixRewrite: '/v2/',
    });
    const spec = buildGatewayRouteBody(original).spec;
    expect(GatewayRouteSpecSchema.safeParse(spec).success).toBe(true);
    expect(buildGatewayRouteBody(gatewayRouteFormValuesOf('color-route', spec)).spec).toEqual(spec);
  });
});

describe('the gateway route form resolver (the kit over the model schema)', () => {
  it('when the prefix starts with a reserved /aws-appmesh prefix, then the prefix field gets the model message', async () => {
    const errors = await errorsOf(values({ pathValue: '/aws-appmesh/status' }));
    expect(errors.pathValue).toMatchObject({
      message: 'Prefix must not start with /aws-appmesh: the /aws-appmesh and /aws-app-mesh prefixes are reserved.',
    });
  });

  it('when the prefix does not start with a slash, then the prefix field says so', async () => {
    const errors = await errorsOf(values({ pathValue: 'color' }));
    expect(errors.pathValue).toMatchObject({ message: 'Prefix must start with "/".' });
  });

  it('when an exact path is rewritten without a value, then Path rewrite says it is required', async () => {
    const errors = await errorsOf(values({ pathMatchType: 'exact', pathValue: '/color', rewritePath: true }));
    expect(errors.pathRewrite).toMatchObject({ message: 'Path rewrite is required.' });
  });

  it('when no virtual service is chosen, then Virtual service name is required', async () => {
    const errors = await errorsOf(values({ virtualServiceName: '' }));
    expect(errors.virtualServiceName).toMatchObject({ message: expect.stringMatching(/^Virtual service name /) });
  });

  it('when the priority is above 1000, then Priority gets the range message', async () => {
    const errors = await errorsOf(values({ priority: '1001' }));
    expect(errors.priority).toMatchObject({ message: 'Priority must be between 0 and 1000.' });
  });

  it('when a header range ends before it starts, then the range end of that row gets the message', async () => {
    const errors = await errorsOf(
      values({ headers: [{ name: 'x', method: 'range', value: '', rangeStart: '5', rangeEnd: '2', invert: false }] }),
    );
    expect(errors.headers).toEqual([
      { rangeEnd: { type: 'validate', message: 'Range end must be greater than Range start (the end is excluded).' } },
    ]);
  });

  it('when the gRPC service name is reserved, then the service name field gets the model message', async () => {
    const errors = await errorsOf(values({ routeType: 'grpc', serviceName: 'aws.appmesh.Health' }));
    expect(errors.serviceName).toMatchObject({ message: expect.stringContaining('reserved') });
  });

  it('when every value is valid, then there are no errors', async () => {
    expect(await errorsOf(values({ priority: '5', matchPort: '8080' }))).toEqual({});
  });
});
