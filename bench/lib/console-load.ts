// The console API load both BFF benchmarks put on a server: a seeded mesh, and autocannon runs of
// describe, list (100 full gateways) and create (a new name per request).
import autocannon from 'autocannon';
import { CONSOLE_HEADERS, callJson as call } from './http';

export const LIST_SIZE = 100;
export const HEADERS = CONSOLE_HEADERS;
export const SPEC = { listeners: [{ portMapping: { port: 9080, protocol: 'http' } }] };

export type Scenario = 'describe' | 'list' | 'create';

export interface Target {
  name: string;
  /** One server, or several: autocannon spreads its connections over them in turn. */
  url: string | string[];
}

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Seeds the BFF: mesh `bench` with LIST_SIZE gateways, mesh `bench-create` for the create runs. */
export async function seedBff(base: string): Promise<{ gateway: unknown; list: unknown }> {
  await call(`${base}/api/meshes`, 'POST', { meshName: 'bench' });
  await call(`${base}/api/meshes`, 'POST', { meshName: 'bench-create' });
  for (let i = 0; i < LIST_SIZE; i++) {
    await call(`${base}/api/meshes/bench/virtual-gateways`, 'POST', {
      virtualGatewayName: `gw-${String(i).padStart(3, '0')}`,
      spec: SPEC,
    });
  }
  const gateway = await call(`${base}/api/meshes/bench/virtual-gateways/gw-000`, 'GET');
  const list = await call(`${base}/api/meshes/bench/virtual-gateways?limit=${LIST_SIZE}`, 'GET');
  const items = (list as { items?: unknown[] }).items ?? [];
  if (items.length !== LIST_SIZE) throw new Error(`expected ${LIST_SIZE} listed gateways, got ${items.length}`);
  return { gateway, list };
}

let createCounter = 0;

/** autocannon's `url` takes one URL or several (its typings say one). */
function urls(target: Target, path = ''): string {
  const list = (Array.isArray(target.url) ? target.url : [target.url]).map((u) => `${u}${path}`);
  return (list.length === 1 ? list[0] : list) as string;
}

function options(target: Target, scenario: Scenario, connections: number, seconds: number): autocannon.Options {
  const base = { connections, duration: seconds, pipelining: 1 };
  switch (scenario) {
    case 'describe':
      return {
        ...base,
        url: urls(target, '/api/meshes/bench/virtual-gateways/gw-042'),
        method: 'GET',
        headers: HEADERS,
      };
    case 'list':
      return {
        ...base,
        url: urls(target, `/api/meshes/bench/virtual-gateways?limit=${LIST_SIZE}`),
        method: 'GET',
        headers: HEADERS,
      };
    case 'create': {
      const prefix = `${target.name.replace(/\W/g, '')}-${Date.now().toString(36)}`;
      return {
        ...base,
        url: urls(target),
        requests: [
          {
            method: 'POST',
            path: '/api/meshes/bench-create/virtual-gateways',
            headers: HEADERS,
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({ virtualGatewayName: `${prefix}-${createCounter++}`, spec: SPEC }),
            }),
          },
        ],
      };
    }
  }
}

/** One autocannon run of `seconds` against the target: requests/second, latency (ms), failures. */
export async function measure(
  target: Target,
  scenario: Scenario,
  connections: number,
  seconds: number,
): Promise<Figures> {
  const result = await autocannon(options(target, scenario, connections, seconds));
  const errors = result.errors + result.timeouts + result.non2xx;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}
