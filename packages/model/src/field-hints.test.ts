import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CreateGatewayRouteBodySchema,
  CreateVirtualGatewayBodySchema,
  CreateVirtualServiceBodySchema,
} from './console-api';
import { constraintText, fieldBounds, fieldLabel, rangeText, requestPathInfo, requestPaths } from './field-hints';

const BODIES: Array<[string, z.ZodType]> = [
  ['virtual gateway', CreateVirtualGatewayBodySchema],
  ['gateway route', CreateGatewayRouteBodySchema],
  ['virtual service', CreateVirtualServiceBodySchema],
];

/** A value just outside the bounds: one past the maximum, or one short of the minimum. */
function outOfRange(path: string): unknown {
  const b = fieldBounds(path);
  if (!b) throw new Error(path);
  const n = b.max !== undefined ? b.max + 1 : (b.min ?? 1) - 1;
  if (b.of === 'value') return n;
  if (b.of === 'length') return 'x'.repeat(n);
  return Array.from({ length: n }, () => null);
}

/** The schema's own message for `value`. */
function leafMessage(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues.find((i) => i.path.length === 0)?.message;
}

describe('field hints from the schemas', () => {
  it('when the virtual gateway body is walked, then every member, list item and union is a path, in order', () => {
    const paths = requestPaths(CreateVirtualGatewayBodySchema);
    expect(paths.slice(0, 3)).toEqual(['virtualGatewayName', 'spec', 'spec.listeners']);
    for (const p of [
      'spec.listeners.*.healthCheck.intervalMillis',
      'spec.listeners.*.tls.certificate',
      'spec.listeners.*.tls.validation.trust.acm',
      'spec.backendDefaults.clientPolicy.tls.ports.*',
      'spec.logging.accessLog.file.format.json.*.key',
      'tags.*.value',
      'clientToken',
    ]) {
      expect(paths).toContain(p);
    }
    expect(new Set(paths).size).toBe(paths.length);
    const info = new Map(requestPathInfo(CreateVirtualGatewayBodySchema).map((p) => [p.path, p]));
    expect(info.get('spec.listeners.*.portMapping')).toEqual({
      path: 'spec.listeners.*.portMapping',
      optional: false,
      leaf: false,
    });
    expect(info.get('spec.listeners.*.healthCheck.port')).toMatchObject({ optional: true, leaf: true });
    expect(info.get('spec.listeners.*.tls.certificate.sds')).toMatchObject({ optional: true, leaf: false });
  });

  it('when a bounded field is asked for, then its range reads as the console shows it', () => {
    expect(rangeText('listeners.*.portMapping.port')).toBe('1 to 65535');
    expect(rangeText('spec.listeners.0.healthCheck.intervalMillis')).toBe('5000 to 300000 ms');
    expect(rangeText('listeners.*.connectionPool.http.maxConnections')).toBe('At least 1');
    expect(rangeText('virtualGatewayName')).toBe('1 to 255 characters');
    expect(rangeText('backendDefaults.clientPolicy.tls.validation.trust.acm.certificateAuthorityArns')).toBe(
      '1 to 3 items',
    );
    expect(rangeText('priority')).toBe('0 to 1000');
    expect(rangeText('listeners.*.tls.certificate.sds.secretName')).toBeUndefined();
    expect(constraintText('listeners.*.portMapping.port', 'Fargate needs a port above 1024.')).toBe(
      '1 to 65535. Fargate needs a port above 1024.',
    );
    expect(fieldLabel('spec.listeners.0.healthCheck.timeoutMillis')).toBe('Timeout period');
    expect(() => fieldLabel('listeners.*.nope')).toThrow('nope');
  });

  for (const [name, body] of BODIES) {
    it(`when every bounded field of the ${name} body gets a value out of range, then the model's message says the same range`, () => {
      const bounded = requestPaths(body).filter((p) => fieldBounds(p) !== undefined);
      expect(bounded.length).toBeGreaterThan(2);
      for (const path of bounded) {
        const b = fieldBounds(path);
        const range = rangeText(path) as string;
        const message = leafMessage(leafSchema(body, path), outOfRange(path));
        // "5000 to 300000 ms" is the message's "between 5000 and 300000 ms"; "At least 1" its "at least 1".
        const expected =
          b?.of === 'value' && b.min !== undefined && b.max !== undefined
            ? `between ${b.min} and ${b.max}${b.unit ? ` ${b.unit}` : ''}.`
            : `${range.replace(/^At /, 'at ')}.`;
        expect(message, path).toContain(expected);
      }
    });
  }
});

/** The member schema at a request path (`*` for list items), walking shapes like `requestPaths` does. */
function leafSchema(root: z.ZodType, path: string): z.ZodType {
  let node = root as unknown as { _zod: { def: Record<string, unknown> } };
  for (const part of path.split('.')) {
    for (;;) {
      const def = node._zod.def;
      if (def.innerType && ['optional', 'nullable', 'default'].includes(def.type as string)) {
        node = def.innerType as typeof node;
      } else break;
    }
    const def = node._zod.def;
    node = (part === '*' ? def.element : (def.shape as Record<string, unknown>)[part]) as typeof node;
  }
  return node as unknown as z.ZodType;
}
