import Button from '@cloudscape-design/components/button';
import { type ReactNode, useCallback, useState } from 'react';
import { useFlash } from '../../../components/app-shell';
import { errorMessage } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { useDeleteVirtualGatewayMutation } from '../api/delete-virtual-gateway';
import { type DeleteTarget, DeleteVirtualGatewayModal } from './delete-virtual-gateway-modal';

/**
 * The delete flow shared by the table and the details page: the typed-confirmation modal, then
 * in-progress, success and failure flashes (failure with Retry).
 */
export function useDeleteVirtualGateway(
  mesh: string,
  meshOwner: string | undefined,
  options: { onDeleted?: (name: string) => void } = {},
): { open: (gateway: DeleteTarget) => void; modal: ReactNode } {
  const [target, setTarget] = useState<DeleteTarget | null>(null);
  const session = useSession();
  const flash = useFlash();
  const mutation = useDeleteVirtualGatewayMutation(mesh, meshOwner);
  const { onDeleted } = options;

  const run = useCallback(
    (name: string) => {
      const id = `delete-virtual-gateway-${mesh}-${name}`;
      flash.push({ id, type: 'in-progress', loading: true, content: `Deleting virtual gateway ${name}.` });
      mutation.mutate(name, {
        onSuccess: () => {
          flash.push({ id, type: 'success', content: `Successfully deleted virtual gateway ${name}.` });
          onDeleted?.(name);
        },
        onError: (error) => {
          flash.push({
            id,
            type: 'error',
            header: `Failed to delete virtual gateway ${name}`,
            content: errorMessage(error),
            action: <Button onClick={() => run(name)}>Retry</Button>,
          });
        },
      });
    },
    [flash, mesh, mutation, onDeleted],
  );

  const modal = (
    <DeleteVirtualGatewayModal
      mesh={mesh}
      meshOwner={meshOwner}
      gateway={target}
      callerAccountId={session.data?.accountId}
      onDismiss={() => setTarget(null)}
      onConfirm={(name) => {
        setTarget(null);
        run(name);
      }}
      onDeletedWithRoutes={(name) => {
        setTarget(null);
        flash.push({
          id: `delete-virtual-gateway-${mesh}-${name}`,
          type: 'success',
          content: `Successfully deleted virtual gateway ${name} and its gateway routes.`,
        });
        onDeleted?.(name);
      }}
    />
  );
  return { open: setTarget, modal };
}
