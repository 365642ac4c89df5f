import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { describe, expect, it } from 'vitest';
import { type CoverageScenario, checkPathCoverage } from '../../../../test/path-coverage';
import { renderWithApp } from '../../../../test/render';
import {
  defaultGatewayRouteFormValues,
  emptyHeaderRow,
  GATEWAY_ROUTE_FORM,
  type GatewayRouteFormValues,
  type HeaderMatchRow,
} from '../../form/gateway-route-form-definition';
import { GatewayRouteForm } from './gateway-route-form';

function scenario(name: string, values: Partial<GatewayRouteFormValues>): CoverageScenario<GatewayRouteFormValues> {
  return {
    name,
    values: {
      ...defaultGatewayRouteFormValues(),
      gatewayRouteName: 'color-route',
      virtualServiceName: 'color.demo.local',
      targetPort: '8080',
      priority: '10',
      matchPort: '8443',
      ...values,
    },
  };
}

const header = (row: Partial<HeaderMatchRow>): HeaderMatchRow => ({ ...emptyHeaderRow(), name: 'x-color', ...row });

/** One row per match method: a list path is probed at the row that has its member. */
const EVERY_METHOD: HeaderMatchRow[] = [
  header({ method: 'exact', value: 'blue', invert: true }),
  header({ method: 'prefix', value: 'bl' }),
  header({ method: 'suffix', value: 'ue' }),
  header({ method: 'regex', value: 'b.*' }),
  header({ method: 'range', rangeStart: '1', rangeEnd: '5' }),
];

/** The http and http2 cases (each is run for both route types: they are separate members of the spec). */
const HTTP_CASES: Array<[string, Partial<GatewayRouteFormValues>]> = [
  [
    'prefix, exact host, query parameter, every header method, prefix rewrite',
    {
      method: 'GET',
      hostnameMatchType: 'exact',
      hostname: 'www.example.com',
      pathValue: '/color/',
      queryParameters: [{ name: 'version', value: 'v2' }],
      headers: EVERY_METHOD,
      overrideHostnameRewrite: true,
      overridePrefixRewrite: true,
      prefixRewrite: '/paint/',
    },
  ],
  [
    'exact path, host suffix, path rewrite',
    {
      hostnameMatchType: 'suffix',
      hostname: '.example.com',
      pathMatchType: 'exact',
      pathValue: '/color',
      rewritePath: true,
      pathRewrite: '/paint',
    },
  ],
  ['regex path', { pathMatchType: 'regex', pathValue: '/colou?r' }],
  ['prefix kept as matched', { pathValue: '/color/', overridePrefixRewrite: true, prefixRewrite: '' }],
];

/** Every match kind and rewrite, each union by each option, over the three route types. */
const SCENARIOS = [
  ...(['http', 'http2'] as const).flatMap((routeType) =>
    HTTP_CASES.map(([name, values]) => scenario(`${routeType}: ${name}`, { routeType, ...values })),
  ),
  scenario('grpc service name, exact host, every metadata method, hostname rewrite', {
    routeType: 'grpc',
    serviceName: 'color.ColorService',
    hostnameMatchType: 'exact',
    hostname: 'grpc.example.com',
    metadata: EVERY_METHOD.map((row) => ({ ...row, name: 'tenant' })),
    overrideHostnameRewrite: true,
  }),
  scenario('grpc host suffix', {
    routeType: 'grpc',
    serviceName: 'color.ColorService',
    hostnameMatchType: 'suffix',
    hostname: '.example.com',
  }),
];

describe('gateway route form: every path the model reports reaches its field', () => {
  it('when the server reports a problem at any path of a gateway route request, then it shows at the visible field of that name, or in the form error', async () => {
    const report = await checkPathCoverage({
      definition: GATEWAY_ROUTE_FORM,
      scenarios: SCENARIOS,
      render: (values, send) => {
        const utils = renderWithApp(
          <GatewayRouteForm
            mode="edit"
            gatewayName="ingress-gw"
            defaultValues={values}
            virtualServices={{ names: ['color.demo.local'], loading: false, onRefresh: () => {}, createHref: '/x' }}
            submit={send}
            onSuccess={() => {}}
            onCancel={() => {}}
          />,
          { path: '/route', pattern: '/route' },
        );
        return {
          submit: () =>
            createWrapper(utils.container)
              .findForm()
              ?.findActions()
              ?.findAllButtons()
              .find((b) => b.getElement().textContent === 'Save changes')
              ?.click(),
          unmount: utils.unmount,
        };
      },
    });
    expect(report.problems).toEqual([]);
    expect(report.paths.filter((p) => !report.seen.has(p))).toEqual([
      // The page adds neither: tags live on the Tags tab, and the console makes its own client token.
      'tags',
      'tags.*',
      'tags.*.key',
      'tags.*.value',
      'clientToken',
    ]);
  }, 180_000);
});
