import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { meshCrumbs, useFlash, usePageChrome } from '../../../components/app-shell';
import { gatewayRoutesQueryOptions } from '../../../features/gateway-routes/api/list-gateway-routes';
import { useCreateVirtualGateway } from '../../../features/virtual-gateways/api/create-virtual-gateway';
import {
  VirtualGatewayWizard,
  WIZARD_STEPS,
} from '../../../features/virtual-gateways/components/virtual-gateway-form/virtual-gateway-wizard';
import { links, useMeshParams } from '../../../lib/links';
import { preloadRoute } from '../../../lib/route-preload';

/** `?step=details|logging|listener|review` opens a step; no (or an unknown) step is the first. */
function stepIndexOf(step: string | null): number {
  return Math.max(
    0,
    WIZARD_STEPS.findIndex((s) => s.id === step),
  );
}

export default function CreateVirtualGatewayPage() {
  const { mesh, meshOwner } = useMeshParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const flash = useFlash();
  const create = useCreateVirtualGateway(mesh, meshOwner);
  const client = useQueryClient();
  // Success opens the details page: have its code ready while the user fills in the form.
  useEffect(() => preloadRoute('virtualGateway'), []);

  usePageChrome({
    title: 'Create virtual gateway',
    contentType: 'wizard',
    breadcrumbs: meshCrumbs(
      mesh,
      meshOwner,
      { text: 'Virtual gateways', href: links.virtualGateways(mesh, meshOwner) },
      { text: 'Create virtual gateway', href: links.createVirtualGateway(mesh, meshOwner) },
    ),
  });

  return (
    <VirtualGatewayWizard
      key={`${meshOwner ?? ''}/${mesh}`}
      mesh={mesh}
      meshOwner={meshOwner}
      activeStepIndex={stepIndexOf(search.get('step'))}
      onStepChange={(index) => {
        const next = new URLSearchParams(search);
        next.set('step', WIZARD_STEPS[index]?.id ?? 'details');
        setSearch(next, { replace: true });
      }}
      onCancel={() => navigate(links.virtualGateways(mesh, meshOwner))}
      onCreate={async (request) => {
        const gateway = await create.mutateAsync({ ...request, clientToken: crypto.randomUUID() });
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
