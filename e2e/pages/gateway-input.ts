// Moved to the kit (packages/playwright); this path stays for the specs that import it.
export {
  type ClientCertificate,
  type ClientPolicyValidation,
  type GatewayFormInput,
  type ListenerCertificate,
  type ListenerClientValidation,
  type Protocol,
  toSpec,
} from '@meshconsole/playwright';
