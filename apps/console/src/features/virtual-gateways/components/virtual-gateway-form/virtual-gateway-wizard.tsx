import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Wizard, { type WizardProps } from '@cloudscape-design/components/wizard';
import type { CreateVirtualGatewayBody } from '@meshconsole/model';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { FORM_ERROR, type FormTarget } from '../../../../components/form/model-form';
import { useModelForm } from '../../../../components/form/use-model-form';
import { useUnsavedChangesGuard } from '../../../../components/use-unsaved-changes-guard';
import { ClientPolicySection } from './client-policy-section';
import { emptyFormValues, VIRTUAL_GATEWAY_CREATE_FORM, type VirtualGatewayFormValues } from './form-definition';
import { useImportJson } from './import-json-modal';
import { ListenerSection } from './listener-section';
import { LoggingSection } from './logging-section';
import { NameSection } from './name-section';
import { ReviewStep } from './review-step';

/**
 * The create flow's steps (the App Mesh user guide's console procedure), each with the form fields it
 * holds (field name prefixes): Next validates those and nothing else.
 */
export const WIZARD_STEPS = [
  { id: 'details', title: 'Virtual gateway details', fields: ['name', 'clientPolicy'] },
  { id: 'logging', title: 'Logging', fields: ['logging'], isOptional: true },
  { id: 'listener', title: 'Listener', fields: ['listener'] },
  { id: 'review', title: 'Review and create', fields: ['tags'] },
] as const;
export type WizardStepId = (typeof WIZARD_STEPS)[number]['id'];

/** The step that holds a field (the form error is shown on Review and create, where Create is). */
export function stepOfField(field: string): number {
  if (field === FORM_ERROR) return WIZARD_STEPS.length - 1;
  const index = WIZARD_STEPS.findIndex((s) =>
    (s.fields as readonly string[]).some((f) => field === f || field.startsWith(`${f}.`)),
  );
  return index < 0 ? WIZARD_STEPS.length - 1 : index;
}

const I18N: WizardProps.I18nStrings = {
  stepNumberLabel: (n) => `Step ${n}`,
  collapsedStepsLabel: (n, count) => `Step ${n} of ${count}`,
  skipToButtonLabel: (step) => `Skip to ${step.title}`,
  navigationAriaLabel: 'Steps',
  cancelButton: 'Cancel',
  previousButton: 'Previous',
  nextButton: 'Next',
  optional: 'optional',
  errorIconAriaLabel: 'Error',
  nextButtonLoadingAnnouncement: 'Checking the step',
  submitButtonLoadingAnnouncement: 'Creating the virtual gateway',
};

export interface VirtualGatewayWizardProps {
  mesh: string;
  meshOwner: string | undefined;
  /** The open step (from the page's `?step=`), and how to open another. */
  activeStepIndex: number;
  onStepChange: (index: number) => void;
  /** Sends the parsed, validated request; throws `ApiError` on failure. */
  onCreate: (request: CreateVirtualGatewayBody) => Promise<void>;
  onCancel: () => void;
}

/**
 * Create virtual gateway as a Cloudscape Wizard: details and client policy defaults, logging, the
 * listener (pool, health check, TLS), then review and create. Every step is a section of the one
 * form (the edit page shows the same sections on one page), so going back never loses a value.
 */
export function VirtualGatewayWizard(props: VirtualGatewayWizardProps) {
  const { mesh, meshOwner, activeStepIndex, onStepChange } = props;
  const defaultValues = useMemo(emptyFormValues, []);
  // A field in error on another step: focused once that step is shown (after the wizard focused its heading).
  const [pendingFocus, setPendingFocus] = useState<FieldPath<VirtualGatewayFormValues>>();
  const openStepOf = useCallback(
    (first: FormTarget<VirtualGatewayFormValues>) => {
      const step = stepOfField(first);
      if (step !== activeStepIndex) onStepChange(step);
      if (first !== FORM_ERROR) setPendingFocus(first);
    },
    [activeStepIndex, onStepChange],
  );
  const kit = useModelForm(VIRTUAL_GATEWAY_CREATE_FORM, { defaultValues, onFieldsInError: openStepOf });
  const { control, formState, setValue, getValues, setFocus } = kit.form;
  const guard = useUnsavedChangesGuard(formState.isDirty, kit.saved);
  const importJson = useImportJson({ form: kit.form, mode: 'create', mesh, meshOwner });

  useEffect(() => {
    // Once the field's step is the one shown (its fields mounted, the wizard's heading focused).
    if (!pendingFocus || stepOfField(pendingFocus) !== activeStepIndex) return;
    setFocus(pendingFocus);
    setPendingFocus(undefined);
  }, [pendingFocus, activeStepIndex, setFocus]);

  /** Going forward checks every step on the way; going back never does (values stay as they are). */
  const navigate = async (requested: number) => {
    for (let step = activeStepIndex; step < requested; step++) {
      const first = await kit.validate(WIZARD_STEPS[step]?.fields ?? []);
      if (first) {
        if (step !== activeStepIndex) {
          onStepChange(step);
          setPendingFocus(first);
        }
        return;
      }
    }
    onStepChange(requested);
  };

  const sections = {
    details: [
      <NameSection key="name" control={control} mode="create" title="Name" />,
      <ClientPolicySection key="client-policy" control={control} />,
    ],
    logging: [<LoggingSection key="logging" control={control} />],
    listener: [<ListenerSection key="listener" control={control} setValue={setValue} getValues={getValues} />],
  };

  const steps: WizardProps.Step[] = WIZARD_STEPS.map((step) => ({
    title: step.title,
    isOptional: 'isOptional' in step ? step.isOptional : false,
    errorText: step.id === 'review' ? kit.formError : undefined,
    content:
      step.id === 'review' ? (
        <ReviewStep
          control={control}
          setValue={setValue}
          mesh={mesh}
          meshOwner={meshOwner}
          steps={WIZARD_STEPS}
          onEdit={onStepChange}
        />
      ) : (
        <SpaceBetween size="l">{sections[step.id]}</SpaceBetween>
      ),
  }));

  return (
    <>
      <SpaceBetween size="l">
        {[
          <Header
            key="header"
            variant="h1"
            description="A virtual gateway lets resources outside the mesh reach resources inside it, through gateway routes."
            actions={
              <Button onClick={importJson.open} data-testid="import-json">
                Import JSON
              </Button>
            }
          >
            Create virtual gateway
          </Header>,
          ...(importJson.result ? [<div key="import-result">{importJson.result}</div>] : []),
          <div key="wizard" data-testid="virtual-gateway-wizard">
            <Wizard
              steps={steps}
              activeStepIndex={activeStepIndex}
              i18nStrings={I18N}
              submitButtonText="Create virtual gateway"
              isLoadingNextStep={formState.isSubmitting}
              allowSkipTo
              onNavigate={({ detail }) => void navigate(detail.requestedStepIndex)}
              onCancel={props.onCancel}
              onSubmit={() => void kit.submit(props.onCreate)()}
            />
          </div>,
        ]}
      </SpaceBetween>
      {importJson.modal}
      {guard}
    </>
  );
}
