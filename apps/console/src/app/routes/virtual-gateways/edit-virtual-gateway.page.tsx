import Alert from '@cloudscape-design/components/alert';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { meshCrumbs, useFlash, usePageChrome } from '../../../components/app-shell';
import { ErrorState, PageLoading } from '../../../components/table-states';
import { useVirtualGateway } from '../../../features/virtual-gateways/api/get-virtual-gateway';
import { useUpdateVirtualGateway } from '../../../features/virtual-gateways/api/update-virtual-gateway';
import { ownerBlockReason } from '../../../features/virtual-gateways/components/delete-virtual-gateway-modal';
import {
  importVirtualGatewayJson,
  toRequest,
} from '../../../features/virtual-gateways/components/virtual-gateway-form/form-definition';
import {
  stableJson,
  VirtualGatewayEditForm,
} from '../../../features/virtual-gateways/components/virtual-gateway-form/virtual-gateway-edit-form';
import { errorMessage } from '../../../lib/api-client';
import { links, useMeshParams } from '../../../lib/links';
import { preloadRoute } from '../../../lib/route-preload';
import { useSession } from '../../../lib/session';

export default function EditVirtualGatewayPage() {
  const { mesh, meshOwner } = useMeshParams();
  const { name = '' } = useParams();
  const navigate = useNavigate();
  const flash = useFlash();
  const session = useSession();
  const query = useVirtualGateway(mesh, meshOwner, name);
  const update = useUpdateVirtualGateway(mesh, meshOwner, name);
  // Saving opens the details page: have its code ready while the user edits.
  useEffect(() => preloadRoute('virtualGateway'), []);

  usePageChrome({
    title: `Edit ${name}`,
    contentType: 'form',
    breadcrumbs: meshCrumbs(
      mesh,
      meshOwner,
      { text: 'Virtual gateways', href: links.virtualGateways(mesh, meshOwner) },
      { text: name, href: links.virtualGateway(mesh, meshOwner, name) },
      { text: 'Edit', href: links.editVirtualGateway(mesh, meshOwner, name) },
    ),
  });

  const gateway = query.data;
  // The form values of the stored gateway, and whatever the form can't show (listed, never dropped silently).
  const prefill = useMemo(
    () =>
      gateway
        ? importVirtualGatewayJson({ virtualGatewayName: name, spec: gateway.spec }, { mesh, currentName: name })
        : undefined,
    [gateway, mesh, name],
  );
  // What Save changes would send unchanged, to tell "no changes" from an update.
  const initialSpec = useMemo(() => (prefill ? stableJson(toRequest(prefill.values).spec) : ''), [prefill]);

  if (query.isPending) {
    return <PageLoading text={`Loading virtual gateway ${name}`} />;
  }
  if (query.isError || !prefill || !gateway) {
    return (
      <ErrorState
        header={`Couldn't load virtual gateway ${name}`}
        message={errorMessage(query.error)}
        onRetry={() => void query.refetch()}
      />
    );
  }

  const ownerReason = ownerBlockReason(gateway.metadata.resourceOwner, session.data?.accountId, 'edit');
  const notices = [
    ...(ownerReason
      ? [
          <Alert key="owner" type="info" header="You can't save changes to this virtual gateway">
            {ownerReason}
          </Alert>,
        ]
      : []),
    ...(prefill.unused.length > 0
      ? [
          <Alert key="unused" type="warning" header="Some settings can't be shown in this form">
            Saving replaces the gateway's spec, so these settings would be removed:{' '}
            {prefill.unused.map((u) => u.path).join(', ')}.
          </Alert>,
        ]
      : []),
  ];

  return (
    <VirtualGatewayEditForm
      key={`${meshOwner ?? ''}/${mesh}/${name}/${gateway.metadata.version}`}
      mesh={mesh}
      meshOwner={meshOwner}
      initialValues={prefill.values}
      notice={notices.length > 0 ? <SpaceBetween size="s">{notices}</SpaceBetween> : undefined}
      onCancel={() => navigate(links.virtualGateway(mesh, meshOwner, name))}
      onSubmit={async (request) => {
        if (stableJson(request.spec) === initialSpec) {
          flash.push({
            id: `virtual-gateway-saved-${name}`,
            type: 'info',
            content: `No changes were made to ${name}.`,
          });
          navigate(links.virtualGateway(mesh, meshOwner, name));
          return;
        }
        const saved = await update.mutateAsync({ spec: request.spec, clientToken: crypto.randomUUID() });
        flash.push({
          id: `virtual-gateway-saved-${name}`,
          type: 'success',
          content: `Successfully updated virtual gateway ${name} (version ${saved.metadata.version}).`,
        });
        navigate(links.virtualGateway(mesh, meshOwner, name));
      }}
    />
  );
}
