import Button from '@cloudscape-design/components/button';
import { type ReactNode, useCallback, useState } from 'react';
import { useFlash } from '../../../components/app-shell';
import { DeleteSimpleConfirmationModal } from '../../../components/delete-simple-confirmation-modal';
import { errorMessage } from '../../../lib/api-client';
import { useDeleteGatewayRoute as useDeleteGatewayRouteMutation } from '../api/delete-gateway-route';

/**
 * The delete flow shared by the gateway routes table and the details page: the confirmation modal,
 * then in-progress, success and failure flashes (failure with Retry).
 */
export function useDeleteGatewayRouteFlow(
  mesh: string,
  meshOwner: string | undefined,
  gatewayName: string,
  options: { onDeleted?: (routeName: string) => void } = {},
): { open: (routeName: string) => void; modal: ReactNode } {
  const [target, setTarget] = useState<string | null>(null);
  const flash = useFlash();
  const mutation = useDeleteGatewayRouteMutation(mesh, meshOwner, gatewayName);
  const { onDeleted } = options;

  const run = useCallback(
    (routeName: string) => {
      const id = `delete-gateway-route-${mesh}-${gatewayName}-${routeName}`;
      flash.push({ id, type: 'in-progress', loading: true, content: `Deleting gateway route ${routeName}.` });
      mutation.mutate(routeName, {
        onSuccess: () => {
          flash.push({ id, type: 'success', content: `Successfully deleted gateway route ${routeName}.` });
          onDeleted?.(routeName);
        },
        onError: (error) => {
          flash.push({
            id,
            type: 'error',
            header: `Failed to delete gateway route ${routeName}`,
            content: errorMessage(error),
            action: <Button onClick={() => run(routeName)}>Retry</Button>,
          });
        },
      });
    },
    [flash, mesh, gatewayName, mutation, onDeleted],
  );

  const modal = (
    <DeleteSimpleConfirmationModal
      kind="gateway route"
      name={target}
      data-testid="delete-gateway-route-modal"
      consequence="Requests that this route matches stop reaching its virtual service once it is deleted. Other gateway routes of the virtual gateway keep working."
      onDismiss={() => setTarget(null)}
      onConfirm={(routeName) => {
        setTarget(null);
        run(routeName);
      }}
    />
  );
  return { open: setTarget, modal };
}
