import { useCollection } from '@cloudscape-design/collection-hooks';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import type { VirtualServiceData } from '@meshconsole/model';
import { useState } from 'react';
import { useFlash } from '../../../components/app-shell';
import { DeleteSimpleConfirmationModal } from '../../../components/delete-simple-confirmation-modal';
import { ResourceStatus } from '../../../components/resource-status';
import { resourceTableProps } from '../../../components/resource-table-props';
import { TableEmptyState, TableNoMatchState } from '../../../components/table-states';
import { errorMessage } from '../../../lib/api-client';
import { formatTimestamp } from '../../../lib/format';
import { links, useFollow } from '../../../lib/links';
import { useCreateVirtualService } from '../api/create-virtual-service';
import { useDeleteVirtualService } from '../api/delete-virtual-service';
import { useVirtualServices } from '../api/list-virtual-services';
import { CreateVirtualServiceModal, type ProviderChoices } from './create-virtual-service-modal';

export function providerText(service: VirtualServiceData): string {
  const provider = service.spec.provider;
  if (provider?.virtualNode) return `Virtual node ${provider.virtualNode.virtualNodeName}`;
  if (provider?.virtualRouter) return `Virtual router ${provider.virtualRouter.virtualRouterName}`;
  return 'No provider';
}

// Module-level: the table recognizes the sorted column by its comparator instance.
const byLastUpdated = (a: VirtualServiceData, b: VirtualServiceData) =>
  a.metadata.lastUpdatedAt - b.metadata.lastUpdatedAt;

export interface VirtualServicesTableProps {
  mesh: string;
  meshOwner: string | undefined;
  /** The caller's account: only a service's resource owner may delete it. */
  accountId: string | undefined;
  /** The create modal's provider lists, asked for while `open` (the modal is shown). */
  useProviderChoices?: (open: boolean) => ProviderChoices;
}

const noChoices = (): ProviderChoices => ({ virtualNode: [], virtualRouter: [], loading: false });

/** The provider as a link to its page, or "No provider". */
function ProviderLink({ service, meshOwner }: { service: VirtualServiceData; meshOwner: string | undefined }) {
  const follow = useFollow();
  const provider = service.spec.provider;
  const mesh = service.meshName;
  const href = provider?.virtualNode
    ? links.virtualNode(mesh, meshOwner, provider.virtualNode.virtualNodeName)
    : provider?.virtualRouter
      ? links.virtualRouter(mesh, meshOwner, provider.virtualRouter.virtualRouterName)
      : undefined;
  if (!href) return <>{providerText(service)}</>;
  return (
    <Link href={href} onFollow={follow} data-testid="virtual-service-provider">
      {providerText(service)}
    </Link>
  );
}

const PAGE_SIZE = 20;

/** Full-page table of a mesh's virtual services, with create (modal) and delete (simple confirmation). */
export function VirtualServicesTable({
  mesh,
  meshOwner,
  accountId,
  useProviderChoices = noChoices,
}: VirtualServicesTableProps) {
  const query = useVirtualServices(mesh, meshOwner);
  const createMutation = useCreateVirtualService(mesh, meshOwner);
  const deleteMutation = useDeleteVirtualService(mesh, meshOwner);
  const flash = useFlash();
  const [selected, setSelected] = useState<VirtualServiceData[]>([]);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const providerChoices = useProviderChoices(creating);
  const all = query.data ?? [];

  const runDelete = (name: string) => {
    const id = `delete-virtual-service-${mesh}-${name}`;
    flash.push({ id, type: 'in-progress', loading: true, content: `Deleting virtual service ${name}.` });
    deleteMutation.mutate(name, {
      onSuccess: () => {
        setSelected((prev) => prev.filter((s) => s.virtualServiceName !== name));
        flash.push({ id, type: 'success', content: `Successfully deleted virtual service ${name}.` });
      },
      onError: (error) =>
        flash.push({
          id,
          type: 'error',
          header: `Failed to delete virtual service ${name}`,
          content: errorMessage(error),
          action: <Button onClick={() => runDelete(name)}>Retry</Button>,
        }),
    });
  };

  const emptyState = (
    <TableEmptyState
      title="No virtual services"
      subtitle="This mesh has no virtual services. Gateway routes send requests to virtual services."
      action={<Button onClick={() => setCreating(true)}>Create virtual service</Button>}
    />
  );

  const { items, filteredItemsCount, collectionProps, filterProps, paginationProps, actions } = useCollection(all, {
    filtering: {
      filteringFunction: (item, text) =>
        `${item.virtualServiceName} ${providerText(item)} ${item.metadata.resourceOwner}`
          .toLowerCase()
          .includes(text.toLowerCase()),
      empty: emptyState,
      noMatch: <TableNoMatchState onClearFilter={() => actions.setFiltering('')} />,
    },
    pagination: { pageSize: PAGE_SIZE },
    sorting: { defaultState: { sortingColumn: { sortingField: 'virtualServiceName' } } },
  });

  const columns: TableProps.ColumnDefinition<VirtualServiceData>[] = [
    {
      id: 'name',
      header: 'Name',
      sortingField: 'virtualServiceName',
      isRowHeader: true,
      cell: (item) => item.virtualServiceName,
    },
    { id: 'provider', header: 'Provider', cell: (item) => <ProviderLink service={item} meshOwner={meshOwner} /> },
    {
      id: 'status',
      header: 'Status',
      cell: (item) => <ResourceStatus status={item.status.status} />,
    },
    { id: 'resourceOwner', header: 'Resource owner', cell: (item) => item.metadata.resourceOwner },
    { id: 'meshOwner', header: 'Mesh owner', cell: (item) => item.metadata.meshOwner },
    {
      id: 'lastUpdated',
      header: 'Last updated',
      sortingComparator: byLastUpdated,
      cell: (item) => formatTimestamp(item.metadata.lastUpdatedAt),
    },
  ];

  const target = selected[0];
  const isOwner = target !== undefined && accountId !== undefined && target.metadata.resourceOwner === accountId;
  const deleteReason = !target
    ? 'Select a virtual service to delete.'
    : !isOwner
      ? 'Only the resource owner of a virtual service can delete it.'
      : undefined;

  return (
    <>
      <Table
        {...collectionProps}
        data-testid="virtual-services-table"
        variant="full-page"
        stickyHeader
        items={items}
        columnDefinitions={columns}
        trackBy="virtualServiceName"
        {...resourceTableProps({
          singular: 'virtual service',
          plural: 'virtual services',
          nameOf: (item) => item.virtualServiceName,
          query,
          selected,
          setSelected,
          collection: { collectionProps, filterProps, filteredItemsCount },
        })}
        pagination={<Pagination {...paginationProps} />}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={
              query.data ? (selected.length ? `(${selected.length}/${all.length})` : `(${all.length})`) : undefined
            }
            description="A virtual service is an abstraction of a real service, provided by a virtual node or a virtual router. Gateway routes send requests to virtual services."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                {[
                  <Button
                    key="delete"
                    data-testid="delete-virtual-service"
                    disabled={deleteReason !== undefined}
                    disabledReason={deleteReason}
                    onClick={() => target && setDeleting(target.virtualServiceName)}
                  >
                    Delete
                  </Button>,
                  <Button key="create" variant="primary" onClick={() => setCreating(true)}>
                    Create virtual service
                  </Button>,
                ]}
              </SpaceBetween>
            }
          >
            Virtual services
          </Header>
        }
      />
      <CreateVirtualServiceModal
        visible={creating}
        providerChoices={providerChoices}
        onDismiss={() => setCreating(false)}
        submit={(body) => createMutation.mutateAsync(body)}
        onCreated={(service) => {
          setCreating(false);
          flash.push({
            id: `virtual-service-${service.virtualServiceName}`,
            type: 'success',
            content: `Virtual service ${service.virtualServiceName} was created.`,
          });
        }}
      />
      <DeleteSimpleConfirmationModal
        kind="virtual service"
        name={deleting}
        data-testid="delete-virtual-service-modal"
        consequence="A virtual service that a gateway route targets can't be deleted. Delete those gateway routes first."
        onDismiss={() => setDeleting(null)}
        onConfirm={(name) => {
          setDeleting(null);
          runDelete(name);
        }}
      />
    </>
  );
}
