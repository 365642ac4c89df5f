import { type RefObject, useCallback, useMemo, useRef } from 'react';
import {
  type DefaultValues,
  type FieldErrors,
  type FieldPath,
  type FieldValues,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import type { z } from 'zod';
import { ApiError, errorMessage } from '../../lib/api-client';
import {
  FORM_ERROR,
  type FormTarget,
  fieldOfPath,
  firstErrorField,
  type ModelFormDefinition,
  modelResolver,
  toFieldErrors,
} from './model-form';

export interface ModelForm<V extends FieldValues, S extends z.ZodType> {
  form: UseFormReturn<V, unknown, z.output<S>>;
  definition: ModelFormDefinition<V, S>;
  /** The form-level error (a problem of no field, or a server error), for `Form errorText`. */
  formError: string | undefined;
  /**
   * A submit handler: validates everything; on success sends the parsed request with `send`, whose
   * failure (an `ApiError`) goes back to the fields; on failure focuses the first field in error
   * (`onFieldsInError` hears which one first: the wizard opens the step that holds it).
   */
  submit: (send: (request: z.output<S>) => Promise<void>) => (event?: { preventDefault?: () => void }) => Promise<void>;
  /**
   * Validates the fields under `prefixes` only and focuses the first in error (page order). Returns
   * that field, or undefined when they are all valid.
   */
  validate: (prefixes: ReadonlyArray<string>) => Promise<FieldPath<V> | undefined>;
  /** Focuses the first field the model finds in error (page order), among `prefixes` when given. Returns it. */
  focusFirstError: (prefixes?: ReadonlyArray<string>) => FieldPath<V> | undefined;
  /** Set before navigating away after a save, so that leaving is not "unsaved changes". */
  saved: RefObject<boolean>;
}

export interface UseModelFormOptions<V extends FieldValues> {
  defaultValues: DefaultValues<V>;
  /** Called with the first field in error after a failed submit or a server error, before it is focused. */
  onFieldsInError?: (first: FormTarget<V>) => void;
}

/**
 * react-hook-form with the kit: the model resolver, Cloudscape's timing (no errors on first visit;
 * validate a field on blur, then on each change while it is wrong; on submit validate all and focus
 * the top-most error), server `fieldErrors` placed on their fields and the form error.
 */
export function useModelForm<V extends FieldValues, S extends z.ZodType>(
  definition: ModelFormDefinition<V, S>,
  options: UseModelFormOptions<NoInfer<V>>,
): ModelForm<V, S> {
  const resolver = useMemo(() => modelResolver(definition), [definition]);
  const form = useForm<V, unknown, z.output<S>>({
    mode: 'onTouched',
    reValidateMode: 'onChange',
    resolver,
    defaultValues: options.defaultValues,
    // The kit focuses in page order (the path map's), not in the order fields registered.
    shouldFocusError: false,
  });
  const saved = useRef(false);
  const onFieldsInError = options.onFieldsInError;
  const { setError, setFocus, getValues, trigger } = form;

  const focusFirstError = useCallback(
    (prefixes?: ReadonlyArray<string>) => {
      // The model's problems with the values as they are now (the form state React rendered may lag).
      const values = getValues();
      const result = definition.schema.safeParse(definition.toRequest(values));
      const errors = result.success ? {} : toFieldErrors(definition, result.error.issues, values, 'validate');
      const first = firstErrorField<V>(definition, errors, prefixes);
      if (first) setFocus(first);
      return first;
    },
    [definition, getValues, setFocus],
  );

  const placeServerError = useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) {
        setError(FORM_ERROR, { type: 'server', message: errorMessage(error) });
        onFieldsInError?.(FORM_ERROR);
        return;
      }
      const values = getValues();
      const unplaced: string[] = [];
      const placed: FieldPath<V>[] = [];
      for (const [path, messages] of Object.entries(error.fieldErrors)) {
        const message = messages[0];
        if (!message) continue;
        const field = fieldOfPath(definition, path, values);
        if (field === FORM_ERROR) unplaced.push(message);
        else if (!placed.includes(field)) {
          setError(field, { type: 'server', message });
          placed.push(field);
        }
      }
      if (placed.length === 0 && definition.conflictField && error.code === 'ConflictException') {
        setError(definition.conflictField, { type: 'server', message: error.message });
        placed.push(definition.conflictField);
      }
      if (placed.length === 0 || unplaced.length > 0) {
        setError(FORM_ERROR, { type: 'server', message: unplaced.length > 0 ? unplaced.join(' ') : error.message });
      }
      const first = firstErrorField<V>(definition, Object.fromEntries(placed.map((f) => [f, { message: 'x' }])));
      onFieldsInError?.(first ?? FORM_ERROR);
      if (first) setFocus(first);
    },
    [definition, getValues, onFieldsInError, setError, setFocus],
  );

  const submit = useCallback<ModelForm<V, S>['submit']>(
    (send) => async (event) => {
      event?.preventDefault?.();
      await form.handleSubmit(
        async (request) => {
          try {
            saved.current = true;
            await send(request);
          } catch (error) {
            saved.current = false;
            placeServerError(error);
          }
        },
        (errors: FieldErrors<V>) => {
          const first = firstErrorField<V>(definition, errors);
          onFieldsInError?.(first ?? FORM_ERROR);
          if (first) setFocus(first);
        },
      )();
    },
    [definition, form, onFieldsInError, placeServerError, setFocus],
  );

  const validate = useCallback(
    async (prefixes: ReadonlyArray<string>) => {
      const valid = await trigger(prefixes as FieldPath<V>[]);
      return valid ? undefined : focusFirstError(prefixes);
    },
    [focusFirstError, trigger],
  );

  const errors = form.formState.errors as { root?: { form?: { message?: string } } };
  return {
    form,
    definition,
    formError: errors.root?.form?.message,
    submit,
    validate,
    focusFirstError,
    saved,
  };
}
