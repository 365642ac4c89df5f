// The order in which the gateway tries its routes: priority first (0 before 1000, unset as 1000), then the
// more specific match (the user guide: "matched to the route with the longest prefix"), then the name.
// packages/routing/README.md ("Order") gives the source or the reason for each step.
import type { RouteView } from './route-view';

interface OrderStep {
  compare(a: RouteView, b: RouteView): number;
  /** Why `first` comes before `second`, when this step decided it. */
  why(first: RouteView, second: RouteView): string;
}

/** exact path, then path regex, then prefix; for grpc a service name counts as the exact part. */
function pathClass(r: RouteView): number {
  if (r.protocol === 'grpc') return r.serviceName !== undefined ? 0 : 2;
  return r.path.kind === 'exact' ? 0 : r.path.kind === 'regex' ? 1 : 2;
}

/** A route without a path condition matches like prefix `/`. */
function prefixLength(r: RouteView): number {
  return r.path.kind === 'prefix' ? r.path.value.length : 1;
}

function hostClass(r: RouteView): number {
  return r.host.kind === 'exact' ? 0 : r.host.kind === 'suffix' ? 1 : 2;
}

const PATH_CLASS_WORDS = ['an exact path', 'a path regex', 'a prefix'];
const GRPC_CLASS_WORDS = ['a service name', '', 'no service name'];
const HOST_CLASS_WORDS = ['an exact hostname', 'a hostname suffix', 'no hostname match'];

const priorityText = (r: RouteView) => (r.priority === undefined ? 'not set (1000)' : String(r.priority));
const prefixText = (r: RouteView) => (r.path.kind === 'prefix' ? r.path.value : '/ (no path match)');
const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

const STEPS: readonly OrderStep[] = [
  {
    compare: (a, b) => a.rank - b.rank,
    why: (a, b) => `priority ${priorityText(a)} comes before ${priorityText(b)}`,
  },
  {
    compare: (a, b) => pathClass(a) - pathClass(b),
    why: (a, b) => {
      const words = a.protocol === 'grpc' ? GRPC_CLASS_WORDS : PATH_CLASS_WORDS;
      return `the same priority, and ${words[pathClass(a)]} comes before ${words[pathClass(b)]}`;
    },
  },
  {
    compare: (a, b) => (pathClass(a) === 2 && pathClass(b) === 2 ? prefixLength(b) - prefixLength(a) : 0),
    why: (a, b) => `the same priority, and its prefix ${prefixText(a)} is longer than ${prefixText(b)}`,
  },
  {
    compare: (a, b) => hostClass(a) - hostClass(b),
    why: (a, b) =>
      `the same priority and path match, and ${HOST_CLASS_WORDS[hostClass(a)]} comes before ${HOST_CLASS_WORDS[hostClass(b)]}`,
  },
  {
    compare: (a, b) =>
      a.host.kind === 'suffix' && b.host.kind === 'suffix' ? b.host.value.length - a.host.value.length : 0,
    why: (a, b) =>
      `the same priority and path match, and its hostname suffix ${a.host.kind === 'suffix' ? a.host.value : ''} is longer than ${b.host.kind === 'suffix' ? b.host.value : ''}`,
  },
  {
    compare: (a, b) => (a.method !== undefined ? 0 : 1) - (b.method !== undefined ? 0 : 1),
    why: () => 'the same priority, path and host match, and it also matches the method',
  },
  {
    compare: (a, b) => b.fields.length - a.fields.length,
    why: (a, b) => {
      const what = a.protocol === 'grpc' ? 'metadata condition' : 'header condition';
      return `the same priority, path and host match, and it has more ${what}s (${count(a.fields.length, what)} against ${b.fields.length})`;
    },
  },
  {
    compare: (a, b) => b.query.length - a.query.length,
    why: (a, b) =>
      `the same priority, path, host and header match, and it has more query parameter conditions (${a.query.length} against ${b.query.length})`,
  },
  {
    compare: (a, b) => (a.port !== undefined ? 0 : 1) - (b.port !== undefined ? 0 : 1),
    why: () => 'the same priority and match, and it also matches the port',
  },
  {
    compare: (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    why: (a, b) => `the same priority and equally specific matches, and the name ${a.name} sorts before ${b.name}`,
  },
];

export function compareRoutes(a: RouteView, b: RouteView): number {
  for (const step of STEPS) {
    const c = step.compare(a, b);
    if (c !== 0) return c;
  }
  return 0;
}

/** The routes in the order the gateway tries them. */
export function sortRoutes(routes: readonly RouteView[]): RouteView[] {
  return [...routes].sort(compareRoutes);
}

/** Why `first` is tried before `second` (which must sort after it). */
export function whyFirst(first: RouteView, second: RouteView): string {
  for (const step of STEPS) {
    const c = step.compare(first, second);
    if (c < 0) return step.why(first, second);
    if (c > 0) break;
  }
  return 'it comes first';
}
