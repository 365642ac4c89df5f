import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { diffSpecs, type HistoryEntry, VIA_LABELS } from '@meshconsole/model';
import { useState } from 'react';
import { TableEmptyState, TableErrorState } from '../../../components/table-states';
import { errorMessage } from '../../../lib/api-client';
import { formatTimestamp } from '../../../lib/format';
import { type HistoryPath, useHistory } from '../api/get-history';

export interface HistoryPanelProps {
  mesh: string;
  meshOwner: string | undefined;
  /** The resource's console API path below its mesh, e.g. `['virtual-gateways', 'gw']`. */
  path: HistoryPath;
  /** What the resource is called in sentences ("virtual gateway"). */
  kindLabel: string;
  /** Why the caller may not restore (not the resource owner); undefined when it may. */
  restoreDisabledReason?: string | undefined;
  /** Writes `entry.spec` as a new version (the page's usual update); resolves once saved. */
  onRestore: (entry: HistoryEntry) => Promise<void>;
}

function shown(value: unknown): string {
  if (value === undefined) return '-';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The changed fields between two versions: path, console label, old value, new value. */
export function VersionDiff({ from, to }: { from: HistoryEntry; to: HistoryEntry }) {
  const changes = diffSpecs(from.spec, to.spec);
  return (
    <Table
      variant="embedded"
      data-testid="history-diff"
      ariaLabels={{ tableLabel: `Changes from version ${from.version} to version ${to.version}` }}
      header={
        <Header variant="h3" counter={`(${changes.length})`}>
          Changes from version {from.version} to version {to.version}
        </Header>
      }
      items={changes}
      trackBy="path"
      empty={<TableEmptyState title="No changes" subtitle="The two versions have the same spec." />}
      columnDefinitions={[
        { id: 'field', header: 'Field', cell: (c) => c.label ?? c.path },
        { id: 'path', header: 'Path', cell: (c) => <code>{c.path}</code> },
        { id: 'old', header: `Version ${from.version}`, cell: (c) => shown(c.old) },
        { id: 'new', header: `Version ${to.version}`, cell: (c) => shown(c.new) },
      ]}
    />
  );
}

/**
 * The History tab: every kept version, newest first; select two to see what changed between them;
 * restore one (an update with its spec, so it becomes the newest version) after a confirmation.
 * A re-created resource shows only its own history: the versions of an earlier resource of the same
 * name were dropped when it was created.
 */
export function HistoryPanel(props: HistoryPanelProps) {
  const { mesh, meshOwner, path, kindLabel } = props;
  const query = useHistory(mesh, meshOwner, path);
  const [selected, setSelected] = useState<HistoryEntry[]>([]);
  const [restoring, setRestoring] = useState<HistoryEntry | null>(null);
  const [saving, setSaving] = useState(false);
  const [restoreError, setRestoreError] = useState<string | undefined>();

  const items = query.data ?? [];
  const newest = items[0];
  const [a, b] = [...selected].sort((x, y) => x.version - y.version);
  const single = selected.length === 1 ? selected[0] : undefined;
  const restorable = single && single.status === 'ACTIVE' && single.version !== newest?.version ? single : undefined;

  const confirmRestore = async () => {
    if (!restoring) return;
    setSaving(true);
    setRestoreError(undefined);
    try {
      await props.onRestore(restoring);
      setRestoring(null);
      setSelected([]);
      await query.refetch();
    } catch (error) {
      setRestoreError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <SpaceBetween size="l">
      {[
        <Table
          key="versions"
          data-testid="history-table"
          ariaLabels={{
            tableLabel: 'Versions',
            selectionGroupLabel: 'Versions to compare',
            itemSelectionLabel: (_s, entry) => `Version ${entry.version}`,
            allItemsSelectionLabel: () => 'All versions',
          }}
          header={
            <Header
              variant="h2"
              counter={query.data ? `(${items.length})` : undefined}
              description="Select two versions to compare them, or one to restore it."
              actions={
                <Button
                  disabled={!restorable || !!props.restoreDisabledReason}
                  disabledReason={
                    props.restoreDisabledReason ??
                    (restorable ? undefined : 'Select one earlier version that is not a deletion.')
                  }
                  onClick={() => restorable && setRestoring(restorable)}
                  data-testid="restore-version"
                >
                  Restore this version
                </Button>
              }
            >
              Versions
            </Header>
          }
          selectionType="multi"
          selectedItems={selected}
          isItemDisabled={(entry) => selected.length >= 2 && !selected.includes(entry)}
          onSelectionChange={({ detail }) => setSelected(detail.selectedItems.slice(-2))}
          trackBy={(entry) => String(entry.version)}
          loading={query.isPending}
          loadingText="Loading versions"
          items={items}
          empty={
            query.isError ? (
              <TableErrorState
                header="Couldn't load the history"
                message={errorMessage(query.error)}
                onRetry={() => void query.refetch()}
              />
            ) : (
              <TableEmptyState title="No versions" subtitle={`No versions of this ${kindLabel} are kept.`} />
            )
          }
          columnDefinitions={[
            { id: 'version', header: 'Version', cell: (e) => e.version },
            {
              id: 'status',
              header: 'Change',
              cell: (e) =>
                e.status === 'DELETED' ? (
                  <StatusIndicator type="stopped">Deleted</StatusIndicator>
                ) : e.version === 1 ? (
                  'Created'
                ) : (
                  'Updated'
                ),
            },
            { id: 'at', header: 'Time', cell: (e) => formatTimestamp(e.at) },
            { id: 'account', header: 'Account', cell: (e) => e.by.accountId },
            { id: 'via', header: 'Through', cell: (e) => VIA_LABELS[e.by.via] },
          ]}
        />,
        a && b ? (
          <VersionDiff key="diff" from={a} to={b} />
        ) : (
          <Box key="hint" color="text-body-secondary" data-testid="history-diff-hint">
            Select two versions to see the fields that changed between them.
          </Box>
        ),
      ]}
      {restoring ? (
        <Modal
          visible
          header={`Restore version ${restoring.version}`}
          onDismiss={() => setRestoring(null)}
          closeAriaLabel="Close dialog"
          data-testid="restore-version-modal"
          footer={
            <Box float="right">
              <SpaceBetween direction="horizontal" size="xs">
                {[
                  <Button key="cancel" variant="link" onClick={() => setRestoring(null)}>
                    Cancel
                  </Button>,
                  <Button
                    key="restore"
                    variant="primary"
                    loading={saving}
                    onClick={() => void confirmRestore()}
                    data-testid="confirm-restore"
                  >
                    Restore
                  </Button>,
                ]}
              </SpaceBetween>
            </Box>
          }
        >
          <SpaceBetween size="m">
            {[
              <Box key="q" variant="p">
                Update this {kindLabel} with the spec of version {restoring.version}? It becomes version{' '}
                {(newest?.version ?? 0) + 1}; the versions in between stay in the history.
              </Box>,
              newest ? <VersionDiff key="diff" from={newest} to={restoring} /> : null,
              restoreError ? (
                <Alert key="error" type="error" header="Couldn't restore the version">
                  {restoreError}
                </Alert>
              ) : null,
            ]}
          </SpaceBetween>
        </Modal>
      ) : null}
    </SpaceBetween>
  );
}

export default HistoryPanel;
