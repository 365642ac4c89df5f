import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { fieldLabel, requestPathInfo } from '@meshconsole/model';
import { act } from '@testing-library/react';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import {
  FORM_ERROR,
  fieldPattern,
  fieldText,
  type ModelFormDefinition,
  rowOfPath,
} from '../components/form/model-form';
import { ApiError } from '../lib/api-client';
import { eventually } from './render';

/**
 * Proves, for one form, that every request path the model can report reaches a visible field with
 * the model's label, or the form error when the path map says so: nothing lands on a wrong input
 * or nowhere. The paths come from the model schema (`requestPathInfo`), so a new member of the
 * schema is checked as soon as it exists.
 *
 * For each scenario (values that open the form's sections), every path the model can report for
 * that request (a member present in it, or a required one of an object present in it) gets a
 * message through the real submit: the form's `send` throws an `ApiError` whose `fieldErrors` hold
 * the probes, the kit places them, and the test reads them back in the page.
 */
export interface CoverageScenario<V> {
  name: string;
  values: V;
}

export interface CoverageTarget<V extends FieldValues> {
  definition: ModelFormDefinition<V, z.ZodType>;
  scenarios: ReadonlyArray<CoverageScenario<NoInfer<V>>>;
  /** Renders the form with `values`; its submit calls `send`. Returns how to submit and to unmount. */
  render: (
    values: NoInfer<V>,
    send: () => Promise<never>,
  ) => { submit: () => void | Promise<void>; unmount: () => void };
}

export interface CoverageReport {
  /** `path -> where it was seen` for every path probed. */
  seen: Map<string, string>;
  /** Every path of the schema. */
  paths: string[];
  problems: string[];
}

/**
 * The first concrete form of `parts` (`*` as a list index) that is present in `value`, or of its
 * parent when only the last member is missing: `headers.*.match.range` finds the row that has a range.
 */
function locate(value: unknown, parts: string[], allowMissingLast: boolean): string[] | undefined {
  if (parts.length === 0) return [];
  const [part, ...rest] = parts as [string, ...string[]];
  if (value === null || typeof value !== 'object') return undefined;
  const keys = part === '*' ? (Array.isArray(value) ? value.map((_v, i) => String(i)) : []) : [part];
  for (const key of keys) {
    const child = (value as Record<string, unknown>)[key];
    if (child === undefined) {
      if (allowMissingLast && rest.length === 0) return [key];
      continue;
    }
    const found = locate(child, rest, allowMissingLast);
    if (found) return [key, ...found];
  }
  return undefined;
}

/** Every label the path map gives a field: a row's `label`, or the model's label of the row's path. */
function labelsOf<V extends FieldValues>(definition: ModelFormDefinition<V, z.ZodType>, field: string): string[] {
  const own = fieldText(definition, field as never).label;
  const rows = definition.paths.filter((r) => r.field === field || fieldPattern(r.field).test(field));
  return [own, ...rows.map((r) => r.label ?? fieldLabel(r.path))];
}

const withoutOptional = (label: string | null | undefined) => (label ?? '').replace(/\s*-\s*optional$/, '').trim();

export async function checkPathCoverage<V extends FieldValues>(target: CoverageTarget<V>): Promise<CoverageReport> {
  const { definition } = target;
  const info = requestPathInfo(definition.schema);
  const problems: string[] = [];
  const seen = new Map<string, string>();

  for (const { path } of info) {
    if (!target.scenarios.some((s) => rowOfPath(definition, path.replace(/\*/g, '0'), s.values))) {
      problems.push(`${path}: no row of the path map takes it`);
    }
  }

  for (const scenario of target.scenarios) {
    const request = definition.toRequest(scenario.values);
    const parsed = definition.schema.safeParse(request);
    if (!parsed.success) {
      problems.push(`${scenario.name}: the scenario is not valid (${parsed.error.issues[0]?.message})`);
      continue;
    }
    // What the model can report for this request: a member present in it, or a required one missing
    // from an object present in it (at the list row that has it).
    const reportable = info.flatMap(({ path, optional }) => {
      const at = locate(request, path.split('.'), !optional);
      return at ? [{ path, at: at.join('.') }] : [];
    });

    // One probe per field per submit (a field shows one message); form-level probes join.
    type Probe = { path: string; at: string; field: string; message: string };
    const batches: Probe[][] = [];
    for (const { path, at } of reportable) {
      const found = rowOfPath(definition, at, scenario.values);
      if (!found) continue;
      const probe = { path, at, field: found.field, message: `Probe [${path}].` };
      const batch = batches.find((b) => found.field === FORM_ERROR || !b.some((p) => p.field === found.field));
      if (batch) batch.push(probe);
      else batches.push([probe]);
    }

    let fieldErrors: Record<string, string[]> = {};
    let sent = 0;
    const send = async (): Promise<never> => {
      sent++;
      throw new ApiError({ status: 400, code: 'BadRequestException', message: 'Probes.', fieldErrors });
    };
    const form = target.render(scenario.values, send);
    try {
      for (const batch of batches) {
        fieldErrors = Object.fromEntries(batch.map((p) => [p.at, [p.message]]));
        const before = sent;
        await act(async () => form.submit());
        await eventually(() => {
          if (sent === before) throw new Error(`${scenario.name}: the form did not submit`);
        });
        // Let the placed errors render.
        await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
        const page = createWrapper(document.body);
        const formError = page.findForm()?.findError()?.getElement().textContent ?? '';
        const fields = page.findAllFormFields();
        for (const probe of batch) {
          if (probe.field === FORM_ERROR) {
            if (formError.includes(probe.message)) seen.set(probe.path, 'the form error');
            else problems.push(`${scenario.name}: ${probe.path} -> the form error, which does not show it`);
            continue;
          }
          const shownAt = fields.find((f) => f.findError()?.getElement().textContent?.includes(probe.message));
          if (!shownAt) {
            problems.push(`${scenario.name}: ${probe.path} -> ${probe.field}, which is not shown`);
            continue;
          }
          const label = withoutOptional(shownAt.findLabel()?.getElement().textContent);
          const { row } = rowOfPath(definition, probe.at, scenario.values) ?? {};
          const leaf = info.find((p) => p.path === probe.path)?.leaf;
          // A member lands on the input the model names it by; an object or union on one of its inputs,
          // under any label the path map gives that input (some inputs are named by the option chosen).
          const expected = leaf && row ? [row.label ?? fieldLabel(row.path)] : labelsOf(definition, probe.field);
          if (!expected.includes(label)) {
            problems.push(`${scenario.name}: ${probe.path} shows at "${label}", expected ${expected.join(' or ')}`);
          } else seen.set(probe.path, `${label} (${probe.field})`);
        }
      }
    } finally {
      form.unmount();
    }
  }
  return { seen, paths: info.map((p) => p.path), problems };
}
