// Each match condition of a gateway route, evaluated as Envoy evaluates it, and described in words.
import { compileRegex, fullMatch } from './regex';
import { fieldValue, type GatewayRequest } from './request';
import type { FieldCondition, GatewayListener, HostCondition, PathCondition, RouteView, ValueTest } from './route-view';

const INT64 = /^\s*[+-]?\d+\s*$/;

/** Envoy's range match: the value parses as a 64-bit integer and start <= value < end. */
function inRange(value: string, start: number, end: number): boolean {
  if (!INT64.test(value)) return false;
  const n = BigInt(value.trim());
  return n >= BigInt(start) && n < BigInt(end);
}

/** A value test on a value that is present (Envoy's HeaderUtility::matchHeaders, before `invert`). */
export function testValue(test: ValueTest, value: string): boolean {
  switch (test.kind) {
    case 'present':
      return true;
    case 'exact':
      return value === test.value;
    case 'prefix':
      return value.startsWith(test.value);
    case 'suffix':
      return value.endsWith(test.value);
    case 'regex':
      return fullMatch(test.value, value);
    case 'range':
      return inRange(value, test.start, test.end);
  }
}

/**
 * A header or metadata condition. A missing header matches only an inverted presence test
 * ("absent"): Envoy answers false for every other test on a missing header, inverted or not.
 */
export function fieldMatches(condition: FieldCondition, value: string | undefined): boolean {
  if (value === undefined) return condition.invert && condition.test.kind === 'present';
  return testValue(condition.test, value) !== condition.invert;
}

/** Envoy's prefix match reads `:path` with its query string; exact and regex matches read the path without it. */
export function pathMatches(condition: PathCondition, request: GatewayRequest): boolean {
  switch (condition.kind) {
    case 'any':
      return true;
    case 'prefix':
      return request.fullPath.startsWith(condition.value);
    case 'exact':
      return request.path === condition.value;
    case 'regex':
      return fullMatch(condition.value, request.path);
  }
}

/** Hostnames compare in lower case, without the port; a suffix needs at least one character before it. */
export function hostMatches(condition: HostCondition, hostName: string | null): boolean {
  if (condition.kind === 'any') return true;
  if (hostName === null) return false;
  if (condition.kind === 'exact') return hostName === condition.value;
  return hostName.length > condition.value.length && hostName.endsWith(condition.value);
}

// ---------- words

const q = (s: string) => JSON.stringify(s);

/** `exact "a"`, `a value starting with "a"`, ..., inverted: `anything but exact "a"`. */
export function describeTest(condition: Pick<FieldCondition, 'test' | 'invert'>): string {
  const { test, invert } = condition;
  if (test.kind === 'present') return invert ? 'absent' : 'present';
  let text: string;
  if (test.kind === 'range') text = `a whole number from ${test.start} up to (not including) ${test.end}`;
  else if (test.kind === 'exact') text = `exactly ${q(test.value)}`;
  else if (test.kind === 'prefix') text = `a value starting with ${q(test.value)}`;
  else if (test.kind === 'suffix') text = `a value ending with ${q(test.value)}`;
  else text = `a value matching the regex ${q(test.value)}`;
  return invert ? `anything but ${text}` : text;
}

export function describePath(condition: PathCondition): string {
  switch (condition.kind) {
    case 'any':
      return 'any path';
    case 'prefix':
      return `prefix ${condition.value}`;
    case 'exact':
      return `exact path ${condition.value}`;
    case 'regex':
      return `path regex ${condition.value}`;
  }
}

export function describeHost(condition: HostCondition): string {
  if (condition.kind === 'exact') return `hostname ${condition.value}`;
  if (condition.kind === 'suffix') return `hostname suffix ${condition.value}`;
  return 'any host';
}

/**
 * Why `route` does not take `request`: one clause per condition that fails, in the order the gateway
 * reads them (empty when it matches). A request arrives on the listener, so it has the listener's port,
 * and a route of another protocol than the listener's never sees it.
 */
export function failures(route: RouteView, request: GatewayRequest, listener: GatewayListener): string[] {
  if (route.protocol !== listener.protocol) {
    return [
      `it is ${route.protocol === 'grpc' ? 'a' : 'an'} ${route.protocol} route and this gateway's listener is ${listener.protocol}, so it never receives requests`,
    ];
  }
  const out: string[] = [];
  if (route.port !== undefined && route.port !== listener.port) {
    out.push(`it matches port ${route.port} and requests arrive on the listener's port ${listener.port}`);
  }
  const path = route.path;
  if (path.kind === 'regex' && !compileRegex(path.value).ok) {
    out.push(`its path regex ${path.value} is not valid RE2, so it never matches`);
  } else if (!pathMatches(path, request)) {
    if (path.kind === 'prefix') out.push(`the path ${request.fullPath} does not start with its prefix ${path.value}`);
    else if (path.kind === 'exact') out.push(`the path ${request.path} is not its exact path ${path.value}`);
    else if (path.kind === 'regex') {
      out.push(`the path ${request.path} does not match its path regex ${path.value} (the whole path must match)`);
    }
  }
  if (route.serviceName !== undefined && request.serviceName !== route.serviceName) {
    out.push(`the gRPC service ${request.serviceName ?? '(none)'} is not its service name ${route.serviceName}`);
  }
  const host = route.host;
  if (host.kind !== 'any' && !hostMatches(host, request.hostName)) {
    if (request.hostName === null) out.push(`the request has no host and it needs ${describeHost(host)}`);
    else if (host.kind === 'exact') out.push(`the host ${request.hostName} is not its hostname ${host.value}`);
    else out.push(`the host ${request.hostName} does not end with its hostname suffix ${host.value}`);
  }
  if (route.method !== undefined && request.method !== route.method) {
    out.push(`the method ${request.method} is not its method ${route.method}`);
  }
  const what = request.grpc ? 'metadata' : 'header';
  for (const condition of route.fields) {
    const value = fieldValue(request, condition.name);
    if (fieldMatches(condition, value)) continue;
    const needs = `it needs ${describeTest(condition)}`;
    if (value === undefined) {
      out.push(
        condition.name === 'host'
          ? `it matches header host, which the gateway never sees (Envoy keeps the Host header as :authority)`
          : `${what} ${condition.name} is missing and ${needs}`,
      );
    } else out.push(`${what} ${condition.name} is ${q(value)} and ${needs}`);
  }
  for (const condition of route.query) {
    const value = request.query.get(condition.name);
    if (value === undefined) out.push(`query parameter ${condition.name} is missing`);
    else if (condition.test.kind === 'exact' && value !== condition.test.value) {
      out.push(`query parameter ${condition.name} is ${q(value)} and it needs exactly ${q(condition.test.value)}`);
    }
  }
  return out;
}
