import { describeCliJson, type VirtualGatewayData } from '@meshconsole/model';

/** `aws appmesh describe-virtual-gateway` output, as the CLI prints it (the model's printer). */
export function describeOutputJson(gateway: VirtualGatewayData): string {
  return describeCliJson('virtualGateway', gateway);
}
