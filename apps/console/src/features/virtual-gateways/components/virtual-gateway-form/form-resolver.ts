import { toNestErrors } from '@hookform/resolvers';
import { CreateVirtualGatewayBodySchema, UpdateVirtualGatewayBodySchema } from '@meshconsole/model';
import type { FieldError, FieldErrors, Resolver } from 'react-hook-form';
import { requestPathToField, toRequest } from './form-mapping';
import type { VirtualGatewayFormValues } from './form-values';

export type FormMode = 'create' | 'edit';

export interface RequestIssue {
  /** The form field the message belongs to, or undefined for a form-level message. */
  field: string | undefined;
  message: string;
}

/**
 * Validates the request the form would send, with the model's schema (the same one the server uses),
 * and returns each message with the form field it belongs to. One message per field: the first.
 */
export function validateForm(values: VirtualGatewayFormValues, mode: FormMode): RequestIssue[] {
  const request = toRequest(values);
  const result =
    mode === 'create'
      ? CreateVirtualGatewayBodySchema.safeParse(request)
      : UpdateVirtualGatewayBodySchema.safeParse({ spec: request.spec });
  if (result.success) return [];
  const seen = new Set<string>();
  const issues: RequestIssue[] = [];
  for (const issue of result.error.issues) {
    const field = requestPathToField(issue.path, values);
    const key = field ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ field, message: issue.message });
  }
  return issues;
}

/**
 * react-hook-form resolver: form values -> App Mesh request -> model schema -> errors on form fields.
 * With `mode: 'onTouched'` RHF runs it on blur, then on every change of a field in error, and on submit.
 */
export function virtualGatewayResolver(mode: FormMode): Resolver<VirtualGatewayFormValues> {
  return async (values, _context, options) => {
    const issues = validateForm(values, mode);
    if (issues.length === 0) return { values, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of issues) {
      const key = issue.field ?? 'root.request';
      flat[key] = { type: 'validation', message: issue.message };
    }
    return {
      values: {},
      errors: toNestErrors(flat, options) as FieldErrors<VirtualGatewayFormValues>,
    };
  };
}
