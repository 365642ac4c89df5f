import type {
  SubjectAlternativeNames,
  VirtualGatewayClientPolicyTls,
  VirtualGatewayData,
  VirtualGatewayListener,
  VirtualGatewayListenerTls,
  VirtualGatewaySpec,
} from '@meshconsole/model';

/**
 * What the generator reads from a virtual gateway: `VirtualGatewayData` from `@meshconsole/model`
 * (a full `VirtualGatewayData` is accepted as is), without the parts a deployment does not need.
 */
export type GatewayShape = Pick<VirtualGatewayData, 'meshName' | 'virtualGatewayName' | 'spec'> & {
  metadata: Pick<VirtualGatewayData['metadata'], 'arn' | 'meshOwner' | 'resourceOwner'>;
};

export type GatewaySpecShape = VirtualGatewaySpec;
export type ListenerShape = VirtualGatewayListener;
export type ListenerTlsShape = VirtualGatewayListenerTls;
export type ClientPolicyTlsShape = VirtualGatewayClientPolicyTls;
export type SubjectAlternativeNamesShape = SubjectAlternativeNames;
