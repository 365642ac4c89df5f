// Moved to the kit (packages/playwright); this path stays for the specs that import it.
export {
  codeViewText,
  type FormSection,
  stepOf,
  VirtualGatewayFormPage,
  WIZARD_STEPS,
  type WizardStep,
} from '@meshconsole/playwright';
