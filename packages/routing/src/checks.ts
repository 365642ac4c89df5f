// Route checks: routes the service accepts but that can never work, or that look like a mistake.
// packages/routing/README.md ("Route checks") gives the reason for each code.
import { RESERVED_PREFIXES, type RouteCheckCode, type RouteCheckSeverity, type RouteFinding } from '@meshconsole/model';
import { type CandidateOptions, withCandidate } from './candidate';
import { describeTest, fieldMatches } from './conditions';
import { sortRoutes, whyFirst } from './order';
import { compileRegex, ENVOY_MAX_PROGRAM_SIZE, fullMatch, literalPrefix } from './regex';
import { rewritePrefix } from './rewrite';
import {
  type FieldCondition,
  type GatewayListener,
  type GatewayRouteEntry,
  type HostCondition,
  type PathCondition,
  type RouteView,
  routeKeyFor,
  viewOf,
} from './route-view';

/** Codes whose error means the route never takes a request (it is left out of the shadowing analysis). */
const NEVER_MATCHES: ReadonlySet<RouteCheckCode> = new Set([
  'protocol-mismatch',
  'port-mismatch',
  'invalid-regex',
  'unmatchable-path',
  'unmatchable-hostname',
  'host-header',
  'contradiction',
]);

class Findings {
  readonly list: RouteFinding[] = [];
  constructor(readonly route: RouteView) {}
  add(severity: RouteCheckSeverity, code: RouteCheckCode, message: string, field: string, otherRoute?: string) {
    this.list.push({
      gatewayRouteName: this.route.name,
      severity,
      code,
      message,
      ...(otherRoute === undefined ? {} : { otherRoute }),
      field,
    });
  }
  get neverMatches(): boolean {
    return this.list.some((f) => f.severity === 'error' && NEVER_MATCHES.has(f.code));
  }
}

const q = (s: string) => JSON.stringify(s);
/** A space or a control character: never in a request path. */
const hasBlankOrControl = (value: string) => [...value].some((c) => c.codePointAt(0)! <= 0x20 || c === '\x7f');

function reservedPrefixOf(value: string): string | undefined {
  const lower = value.toLowerCase();
  return RESERVED_PREFIXES.find((r) => lower.startsWith(r));
}

// ---------- one route at a time

function checkListener(f: Findings, listener: GatewayListener) {
  const r = f.route;
  if (r.protocol !== listener.protocol) {
    f.add(
      'error',
      'protocol-mismatch',
      `${r.name} is ${r.protocol === 'grpc' ? 'a' : 'an'} ${r.protocol} route, but this gateway's listener is ${listener.protocol}: it never receives a request (a ${listener.protocol} listener takes ${routeKeyFor(listener.protocol)} routes).`,
      r.key,
    );
  }
  if (r.port !== undefined && r.port !== listener.port) {
    f.add(
      'error',
      'port-mismatch',
      `Match port ${r.port} is not the listener's port ${listener.port}: every request arrives on ${listener.port}, so ${r.name} never matches.`,
      `${r.key}.match.port`,
    );
  }
}

function checkRegex(f: Findings, pattern: string, what: string, field: string) {
  const compiled = compileRegex(pattern);
  if (!compiled.ok) {
    f.add(
      'error',
      'invalid-regex',
      `${what} ${pattern} is not valid RE2 (${compiled.error}). Envoy evaluates regexes with RE2 and cannot compile this one, so ${f.route.name} never matches.`,
      field,
    );
  } else if (compiled.programSize > ENVOY_MAX_PROGRAM_SIZE) {
    f.add(
      'warning',
      'regex-too-complex',
      `${what} ${pattern} has an RE2 program size of about ${compiled.programSize}; Envoy refuses regexes above ${ENVOY_MAX_PROGRAM_SIZE} by default (re2.max_program_size), so it would likely never match. Simplify it.`,
      field,
    );
  }
}

function checkPath(f: Findings) {
  const r = f.route;
  const path = r.path;
  const field = `${r.key}.match.${path.kind === 'prefix' ? 'prefix' : `path.${path.kind}`}`;
  if (path.kind === 'prefix') {
    if (hasBlankOrControl(path.value) || path.value.includes('#')) {
      f.add(
        'error',
        'unmatchable-path',
        `Prefix ${q(path.value)} contains a space, a control character or "#", which a request path never has, so ${r.name} never matches.`,
        field,
      );
    }
  } else if (path.kind === 'exact') {
    const v = path.value;
    const problem = !v.startsWith('/')
      ? 'does not start with "/", and every request path does'
      : v.includes('?')
        ? 'contains "?", but an exact path is compared with the path without its query string'
        : hasBlankOrControl(v) || v.includes('#')
          ? 'contains a space, a control character or "#", which a request path never has'
          : undefined;
    if (problem)
      f.add('error', 'unmatchable-path', `Exact path ${q(v)} ${problem}, so ${r.name} never matches.`, field);
    const reserved = reservedPrefixOf(v);
    if (reserved) {
      f.add(
        'warning',
        'reserved',
        `Exact path ${v} is under ${reserved}, which App Mesh reserves for its own use (a prefix there is refused); the gateway may answer it itself.`,
        field,
      );
    }
  } else if (path.kind === 'regex') {
    checkRegex(f, path.value, 'Path regex', field);
    const literal = literalPrefix(path.value);
    if (literal !== '' && !literal.startsWith('/')) {
      f.add(
        'error',
        'unmatchable-path',
        `Path regex ${path.value} must match the whole path and every path starts with "/", but this one starts with ${q(literal.charAt(0))}, so ${r.name} never matches.`,
        field,
      );
    }
    const reserved = reservedPrefixOf(literal);
    if (reserved) {
      f.add(
        'warning',
        'reserved',
        `Path regex ${path.value} matches only paths under ${reserved}, which App Mesh reserves for its own use (a prefix there is refused).`,
        field,
      );
    }
  }
}

const IPV6_LITERAL = /^\[[0-9a-f:.]+\]$/;

function hostProblem(host: Exclude<HostCondition, { kind: 'any' }>): string | undefined {
  const v = host.value;
  if (v.includes('*')) return 'has a "*": wildcards are not supported, and no host contains a literal *';
  if (host.kind === 'exact' && IPV6_LITERAL.test(v)) return undefined;
  if (v.includes(':')) return 'has a ":": the gateway compares the host without its port';
  if (/[^a-z0-9._-]/.test(v)) return 'has a character a host name cannot have';
  if (v.includes('..') || (host.kind === 'exact' && v.startsWith('.'))) return 'is not a host name (an empty label)';
  return undefined;
}

function checkHost(f: Findings) {
  const r = f.route;
  if (r.host.kind === 'any') return;
  const problem = hostProblem(r.host);
  if (!problem) return;
  const label = r.host.kind === 'exact' ? 'Exact hostname' : 'Hostname suffix';
  f.add(
    'error',
    'unmatchable-hostname',
    `${label} ${r.host.value} ${problem}, so ${r.name} never matches.`,
    `${r.key}.match.hostname.${r.host.kind}`,
  );
}

/** Two conditions on one name that no value satisfies together, if there are. */
function conflict(conditions: readonly FieldCondition[]): [FieldCondition, FieldCondition] | undefined {
  for (const a of conditions) {
    for (const b of conditions) {
      if (a === b) continue;
      const aAbsent = a.invert && a.test.kind === 'present';
      const bAbsent = b.invert && b.test.kind === 'present';
      if (aAbsent && !bAbsent) return [a, b];
      if (a.invert || b.invert) {
        if (!a.invert && a.test.kind === 'exact' && !fieldMatches(b, a.test.value)) return [a, b];
        continue;
      }
      const [x, y] = [a.test, b.test];
      if (x.kind === 'exact' && !fieldMatches(b, x.value)) return [a, b];
      if (x.kind === 'prefix' && y.kind === 'prefix' && !x.value.startsWith(y.value) && !y.value.startsWith(x.value)) {
        return [a, b];
      }
      if (x.kind === 'suffix' && y.kind === 'suffix' && !x.value.endsWith(y.value) && !y.value.endsWith(x.value)) {
        return [a, b];
      }
      if (x.kind === 'range' && y.kind === 'range' && Math.max(x.start, y.start) >= Math.min(x.end, y.end)) {
        return [a, b];
      }
    }
  }
  return undefined;
}

function checkFields(f: Findings) {
  const r = f.route;
  const what = r.protocol === 'grpc' ? 'Metadata' : 'Header';
  const byName = new Map<string, FieldCondition[]>();
  for (const c of r.fields) {
    if (c.test.kind === 'regex') checkRegex(f, c.test.value, `${what} ${c.name} regex`, `${c.field}.match.regex`);
    if (c.name === 'host' && !(c.invert && c.test.kind === 'present')) {
      f.add(
        'error',
        'host-header',
        `${what} host never matches: the gateway's Envoy keeps the Host header as :authority, so ${r.name} never matches. Use a hostname match (or match :authority).`,
        `${c.field}.name`,
      );
    }
    byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  }
  for (const [name, conditions] of byName) {
    const pair = conflict(conditions);
    if (!pair) continue;
    f.add(
      'error',
      'contradiction',
      `${what} ${name} must be ${describeTest(pair[0])} and ${describeTest(pair[1])} at once, so ${r.name} never matches.`,
      `${pair[1].field}.match`,
    );
  }
  const exactQuery = new Map<string, string>();
  for (const c of r.query) {
    if (c.test.kind !== 'exact') continue;
    const other = exactQuery.get(c.name);
    if (other !== undefined && other !== c.test.value) {
      f.add(
        'error',
        'contradiction',
        `Query parameter ${c.name} must be exactly ${q(other)} and exactly ${q(c.test.value)} at once (the gateway reads its first value), so ${r.name} never matches.`,
        `${c.field}.match.exact`,
      );
    }
    exactQuery.set(c.name, c.test.value);
  }
}

function warnReservedRewrite(f: Findings, label: string, value: string, field: string) {
  const reserved = reservedPrefixOf(value);
  if (reserved) {
    f.add(
      'warning',
      'reserved',
      `${label} ${value} forwards requests under ${reserved}, which App Mesh reserves for its own use.`,
      field,
    );
  }
}

function checkRewrites(f: Findings) {
  const r = f.route;
  const rewrite = r.pathRewrite;
  if (rewrite.kind === 'prefix' && rewrite.source === 'value') {
    const field = `${r.key}.action.rewrite.prefix.value`;
    const prefix = r.path.kind === 'prefix' ? r.path.value : '/';
    if (rewrite.value.includes('//')) {
      const example = `${prefix}${prefix.endsWith('/') ? '' : '/'}x`;
      f.add(
        'warning',
        'rewrite-path',
        `Prefix rewrite ${rewrite.value} puts "//" in every forwarded path (${example} becomes ${rewritePrefix(example, prefix, rewrite.value)}); servers, and the target's own routes, treat "//x" as a different path than "/x".`,
        field,
      );
    }
    warnReservedRewrite(f, 'Prefix rewrite', rewrite.value, field);
  }
  if (rewrite.kind === 'exact') {
    const field = `${r.key}.action.rewrite.path.exact`;
    if (!rewrite.value.startsWith('/')) {
      f.add(
        'error',
        'rewrite-path',
        `Path rewrite ${q(rewrite.value)} does not start with "/": the target receives a request path that is not valid, so requests through ${r.name} fail.`,
        field,
      );
    } else if (rewrite.value.includes('//')) {
      f.add(
        'warning',
        'rewrite-path',
        `Path rewrite ${rewrite.value} has "//"; servers, and the target's own routes, treat "//x" as a different path than "/x".`,
        field,
      );
    }
    warnReservedRewrite(f, 'Path rewrite', rewrite.value, field);
  }
}

// ---------- one route against those before it

function pathCovers(w: PathCondition, r: PathCondition): boolean {
  switch (w.kind) {
    case 'any':
      return true;
    case 'prefix':
      if (w.value === '/') return true;
      if (r.kind === 'prefix' || r.kind === 'exact') return r.value.startsWith(w.value);
      return r.kind === 'regex' && literalPrefix(r.value).startsWith(w.value);
    case 'exact':
      return r.kind === 'exact' && r.value === w.value;
    case 'regex':
      if (r.kind === 'regex') return r.value === w.value;
      // the literal start first: it rules out most paths without running the regex
      return r.kind === 'exact' && r.value.startsWith(literalPrefix(w.value)) && fullMatch(w.value, r.value);
  }
}

function hostCovers(w: HostCondition, r: HostCondition): boolean {
  if (w.kind === 'any') return true;
  if (w.kind === 'exact') return r.kind === 'exact' && r.value === w.value;
  if (r.kind === 'exact') return r.value.length > w.value.length && r.value.endsWith(w.value);
  return r.kind === 'suffix' && r.value.endsWith(w.value);
}

const sameTest = (a: FieldCondition, b: FieldCondition) =>
  a.invert === b.invert && JSON.stringify(a.test) === JSON.stringify(b.test);

/** Every value that satisfies `d` (a condition of the later route) satisfies `c` (one of the earlier route). */
function implies(d: FieldCondition, c: FieldCondition): boolean {
  if (sameTest(d, c)) return true;
  const dAbsent = d.invert && d.test.kind === 'present';
  if (!c.invert && c.test.kind === 'present') return !dAbsent;
  if (d.invert) return false;
  if (d.test.kind === 'exact') return fieldMatches(c, d.test.value);
  if (c.invert) return false;
  if (c.test.kind === 'prefix' && d.test.kind === 'prefix') return d.test.value.startsWith(c.test.value);
  if (c.test.kind === 'suffix' && d.test.kind === 'suffix') return d.test.value.endsWith(c.test.value);
  if (c.test.kind === 'range' && d.test.kind === 'range')
    return c.test.start <= d.test.start && d.test.end <= c.test.end;
  return false;
}

/** Every request that `r` matches, `w` matches too (proved from the conditions; false when not provable). */
export function covers(w: RouteView, r: RouteView): boolean {
  if (w.protocol !== r.protocol) return false;
  if (w.port !== undefined && w.port !== r.port) return false;
  if (w.method !== undefined && w.method !== r.method) return false;
  if (w.serviceName !== undefined && w.serviceName !== r.serviceName) return false;
  if (!pathCovers(w.path, r.path) || !hostCovers(w.host, r.host)) return false;
  for (const c of w.fields) if (!r.fields.some((d) => d.name === c.name && implies(d, c))) return false;
  for (const c of w.query) {
    const ok = r.query.some(
      (d) =>
        d.name === c.name && (c.test.kind === 'present' || (d.test.kind === 'exact' && d.test.value === c.test.value)),
    );
    if (!ok) return false;
  }
  return true;
}

/**
 * The routes seen so far, indexed by what their path (or grpc service) condition can cover, so each route
 * is compared only with the earlier routes that might cover it, not with all of them.
 */
class EarlierRoutes {
  #order = new Map<RouteView, number>();
  /** no path condition and (grpc) no service name: may cover anything */
  #any: RouteView[] = [];
  #prefix = new Map<string, RouteView[]>();
  #exact = new Map<string, RouteView[]>();
  #regex = new Map<string, RouteView[]>();
  /** path regexes by their literal start */
  #regexStart = new Map<string, RouteView[]>();
  #service = new Map<string, RouteView[]>();

  add(route: RouteView) {
    this.#order.set(route, this.#order.size);
    const put = (map: Map<string, RouteView[]>, key: string) => {
      const list = map.get(key);
      if (list) list.push(route);
      else map.set(key, [route]);
    };
    const path = route.path;
    if (route.serviceName !== undefined) put(this.#service, route.serviceName);
    else if (path.kind === 'any') this.#any.push(route);
    else if (path.kind === 'prefix') put(this.#prefix, path.value);
    else if (path.kind === 'exact') put(this.#exact, path.value);
    else {
      put(this.#regex, path.value);
      put(this.#regexStart, literalPrefix(path.value));
    }
  }

  /** The first earlier route that covers `r`, if any. */
  firstCovering(r: RouteView): RouteView | undefined {
    const candidates: RouteView[] = [...this.#any];
    const take = (list: RouteView[] | undefined) => {
      if (list) candidates.push(...list);
    };
    const withPrefixesOf = (map: Map<string, RouteView[]>, text: string, from: number) => {
      for (let k = from; k <= text.length; k++) take(map.get(text.slice(0, k)));
    };
    if (r.serviceName !== undefined) take(this.#service.get(r.serviceName));
    const path = r.path;
    // A prefix covers the paths that start with it; prefix "/" covers every path.
    const start = path.kind === 'any' ? '/' : path.kind === 'regex' ? literalPrefix(path.value) : path.value;
    take(this.#prefix.get('/'));
    withPrefixesOf(this.#prefix, start, 2);
    if (path.kind === 'exact') {
      take(this.#exact.get(path.value));
      withPrefixesOf(this.#regexStart, path.value, 0);
    }
    if (path.kind === 'regex') take(this.#regex.get(path.value));
    let first: RouteView | undefined;
    for (const w of candidates) {
      if ((first === undefined || this.#order.get(w)! < this.#order.get(first)!) && covers(w, r)) first = w;
    }
    return first;
  }
}

/** The match conditions, written so that two routes with the same match have the same key. */
function matchKey(r: RouteView): string {
  const fields = r.fields.map(({ name, test, invert }) => JSON.stringify([name, test, invert])).sort();
  const query = r.query.map(({ name, test }) => JSON.stringify([name, test])).sort();
  return JSON.stringify([r.protocol, r.port, r.method, r.path, r.host, r.serviceName, fields, query]);
}

// ---------- the set

/** Every finding for the gateway's routes, route by route in the order the gateway tries them. */
export function checkRoutes(listener: GatewayListener, routes: readonly GatewayRouteEntry[]): RouteFinding[] {
  const ordered = sortRoutes(routes.map(viewOf));
  const perRoute = ordered.map((route) => {
    const f = new Findings(route);
    checkListener(f, listener);
    if (route.protocol === listener.protocol) {
      checkPath(f);
      checkHost(f);
      checkFields(f);
    }
    checkRewrites(f);
    return f;
  });
  const live = perRoute.filter((f) => !f.neverMatches);
  const keys = new Map(live.map((f) => [f.route, matchKey(f.route)]));
  const earlier = new EarlierRoutes();
  for (const later of live) {
    const r = later.route;
    const w = earlier.firstCovering(r);
    earlier.add(r);
    if (w === undefined) continue;
    if (w.rank === r.rank && keys.get(w) === keys.get(r)) {
      later.add(
        'error',
        'duplicate',
        `${r.name} has the same match and priority as ${w.name}; ${w.name} sorts first by name, so ${r.name} never receives a request.`,
        `${r.key}.match`,
        w.name,
      );
    } else {
      later.add(
        'error',
        'shadowed',
        `${r.name} never receives a request: ${w.name} comes first (${whyFirst(w, r)}) and matches every request ${r.name} matches.`,
        `${r.key}.match`,
        w.name,
      );
    }
  }
  return perRoute.flatMap((f) => f.list);
}

/**
 * The findings a route form shows before Create or Save: those on the candidate, and those on other
 * routes that the candidate causes (a route it would shadow names it as `otherRoute`).
 */
export function checkCandidate(
  listener: GatewayListener,
  routes: readonly GatewayRouteEntry[],
  candidate: GatewayRouteEntry,
  options: CandidateOptions = {},
): RouteFinding[] {
  const name = candidate.gatewayRouteName;
  return checkRoutes(listener, withCandidate(routes, candidate, options)).filter(
    (f) => f.gatewayRouteName === name || f.otherRoute === name,
  );
}
