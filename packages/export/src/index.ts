export { cfnProperties, cloudFormationExport } from './cloudformation';
export { controllerExport } from './controller';
export { GATEWAY_CLASS, gatewayApiExport } from './gateway-api';
export { hclString } from './hcl';
export { terraformExport } from './terraform';
export * from './types';

import { cloudFormationExport } from './cloudformation';
import { controllerExport } from './controller';
import { gatewayApiExport } from './gateway-api';
import { terraformExport } from './terraform';
import type { ExportFormat, ExportInput, ExportResult } from './types';

const EXPORTERS: Record<ExportFormat, (input: ExportInput) => ExportResult> = {
  terraform: terraformExport,
  cloudformation: cloudFormationExport,
  controller: controllerExport,
  'gateway-api': gatewayApiExport,
};

/** The mesh's resources in `format`: the files to write and what the format could not say. */
export function exportMesh(input: ExportInput, format: ExportFormat): ExportResult {
  return EXPORTERS[format](input);
}
