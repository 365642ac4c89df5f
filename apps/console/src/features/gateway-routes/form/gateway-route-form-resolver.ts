import { CreateGatewayRouteBodySchema } from '@meshconsole/model';
import { type FieldErrors, type FieldPath, type Resolver, set } from 'react-hook-form';
import { buildGatewayRouteBody, type GatewayRouteFormValues } from './gateway-route-form-values';

type FormField = FieldPath<GatewayRouteFormValues>;

/** Where a request problem without a field of its own is shown (the form's error alert). */
export const FORM_ROOT_ERROR = 'root.request' as const;

function rowField(list: 'headers' | 'metadata' | 'queryParameters', rest: string[]): FormField {
  const [index, member, ...tail] = rest;
  if (index === undefined || !/^\d+$/.test(index)) return list;
  const row = `${list}.${index}`;
  if (member === 'name') return `${row}.name` as FormField;
  if (member === 'invert') return `${row}.invert` as FormField;
  if (member === 'match') {
    if (list === 'queryParameters') return `${row}.value` as FormField;
    if (tail[0] === 'range') {
      return (tail[1] === 'end' ? `${row}.rangeEnd` : `${row}.rangeStart`) as FormField;
    }
    return `${row}.value` as FormField;
  }
  return `${row}.name` as FormField;
}

/**
 * The form field a request path belongs to (`spec.httpRoute.match.prefix` -> `pathValue`), for the
 * model's issues and the server's `fieldErrors` alike. `undefined` when no field shows it.
 */
export function formFieldOfRequestPath(
  path: string,
  values: Pick<GatewayRouteFormValues, 'pathMatchType'>,
): FormField | undefined {
  const parts = path.split('.').filter((p) => p !== '');
  if (parts[0] === 'gatewayRouteName') return 'gatewayRouteName';
  if (parts[0] !== 'spec') return undefined;
  const [, route, section, ...rest] = parts;
  if (route === undefined) return 'routeType';
  if (route === 'priority') return 'priority';
  if (route !== 'httpRoute' && route !== 'http2Route' && route !== 'grpcRoute') return undefined;
  if (section === 'match') {
    const [member, ...tail] = rest;
    switch (member) {
      case 'prefix':
      case 'path':
        return 'pathValue';
      case 'serviceName':
        return 'serviceName';
      case 'hostname':
        return 'hostname';
      case 'method':
        return 'method';
      case 'port':
        return 'matchPort';
      case 'headers':
        return rowField('headers', tail);
      case 'metadata':
        return rowField('metadata', tail);
      case 'queryParameters':
        return rowField('queryParameters', tail);
      case undefined:
        return route === 'grpcRoute' ? 'serviceName' : 'pathValue';
      default:
        return undefined;
    }
  }
  if (section === 'action') {
    const [member, sub] = rest;
    if (member === 'target') return sub === 'port' ? 'targetPort' : 'virtualServiceName';
    if (member === 'rewrite') {
      if (sub === 'hostname') return 'overrideHostnameRewrite';
      if (sub === 'prefix') return 'prefixRewrite';
      if (sub === 'path') return 'pathRewrite';
      return values.pathMatchType === 'prefix' ? 'prefixRewrite' : 'pathRewrite';
    }
    return undefined;
  }
  return undefined;
}

/** Issues or server field errors as react-hook-form errors; the first message per field wins. */
export function toFormErrors(
  entries: ReadonlyArray<{ path: string; message: string }>,
  values: Pick<GatewayRouteFormValues, 'pathMatchType'>,
  type = 'validate',
): FieldErrors<GatewayRouteFormValues> {
  const errors: FieldErrors<GatewayRouteFormValues> = {};
  const seen = new Set<string>();
  for (const { path, message } of entries) {
    const field = formFieldOfRequestPath(path, values) ?? FORM_ROOT_ERROR;
    if (seen.has(field)) continue;
    seen.add(field);
    set(errors, field, { type, message });
  }
  return errors;
}

/**
 * The form's resolver: builds the request the form would send and validates it with the model's
 * `CreateGatewayRouteBodySchema`, the schema the console API validates with.
 */
export const gatewayRouteFormResolver: Resolver<GatewayRouteFormValues> = async (values) => {
  const result = CreateGatewayRouteBodySchema.safeParse(buildGatewayRouteBody(values));
  if (result.success) return { values, errors: {} };
  const entries = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  return { values: {}, errors: toFormErrors(entries, values) };
};
