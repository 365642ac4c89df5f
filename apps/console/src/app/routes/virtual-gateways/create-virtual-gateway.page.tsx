import type { VirtualGatewaySpec } from '@meshconsole/model';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { meshCrumbs, useFlash, usePageChrome } from '../../../components/app-shell';
import { gatewayRoutesQueryOptions } from '../../../features/gateway-routes/api/list-gateway-routes';
import { useCreateVirtualGateway } from '../../../features/virtual-gateways/api/create-virtual-gateway';
import { emptyFormValues } from '../../../features/virtual-gateways/components/virtual-gateway-form/form-values';
import { VirtualGatewayForm } from '../../../features/virtual-gateways/components/virtual-gateway-form/virtual-gateway-form';
import { links, useMeshParams } from '../../../lib/links';
import { preloadRoute } from '../../../lib/route-preload';

export default function CreateVirtualGatewayPage() {
  const { mesh, meshOwner } = useMeshParams();
  const navigate = useNavigate();
  const flash = useFlash();
  const create = useCreateVirtualGateway(mesh, meshOwner);
  const client = useQueryClient();
  const initialValues = useMemo(emptyFormValues, []);
  // Success opens the details page: have its code ready while the user fills in the form.
  useEffect(() => preloadRoute('virtualGateway'), []);

  usePageChrome({
    title: 'Create virtual gateway',
    contentType: 'form',
    breadcrumbs: meshCrumbs(
      mesh,
      meshOwner,
      { text: 'Virtual gateways', href: links.virtualGateways(mesh, meshOwner) },
      { text: 'Create virtual gateway', href: links.createVirtualGateway(mesh, meshOwner) },
    ),
  });

  return (
    <VirtualGatewayForm
      key={`${meshOwner ?? ''}/${mesh}`}
      mode="create"
      mesh={mesh}
      meshOwner={meshOwner}
      initialValues={initialValues}
      onCancel={() => navigate(links.virtualGateways(mesh, meshOwner))}
      onSubmit={async (request) => {
        const gateway = await create.mutateAsync({
          virtualGatewayName: request.virtualGatewayName ?? '',
          // The resolver validated the request with the model's schema before it gets here.
          spec: request.spec as VirtualGatewaySpec,
          ...(request.tags ? { tags: request.tags } : {}),
          clientToken: crypto.randomUUID(),
        });
        // The mutation seeded the details query with the answer; a new gateway has no routes yet.
        client.setQueryData(gatewayRoutesQueryOptions(mesh, meshOwner, gateway.virtualGatewayName).queryKey, []);
        flash.push({
          id: `virtual-gateway-saved-${gateway.virtualGatewayName}`,
          type: 'success',
          content: `Successfully created virtual gateway ${gateway.virtualGatewayName}.`,
        });
        navigate(links.virtualGateway(mesh, meshOwner, gateway.virtualGatewayName));
      }}
    />
  );
}
