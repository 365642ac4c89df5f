import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, type ExportAnswer, type ExportFormat } from '@meshconsole/model';
import { useState } from 'react';
import { FileView } from '../../../components/file-view';
import { ErrorState, TableEmptyState } from '../../../components/table-states';
import { errorMessage } from '../../../lib/api-client';
import { type ExportScope, useExport } from '../api/get-export';
import { exportTitle } from './export-title';

/** What each format's files are for. */
const FORMAT_DESCRIPTIONS: Readonly<Record<ExportFormat, string>> = {
  terraform: 'aws_appmesh_* resources in HCL for the Terraform AWS provider. Bring your own provider block.',
  cloudformation: 'An AWS CloudFormation template of AWS::AppMesh::* resources.',
  controller: 'Resources of the App Mesh controller for Kubernetes (appmesh.k8s.aws/v1beta2), with their namespaces.',
  'gateway-api':
    'Kubernetes Gateway API resources (gateway.networking.k8s.io/v1) for Envoy Gateway, Istio and the other implementations.',
};

function mediaTypeOf(path: string): string {
  return /\.ya?ml$/.test(path) ? 'application/yaml' : 'text/plain';
}

function Untranslated({ answer }: { answer: ExportAnswer }) {
  const label = EXPORT_FORMAT_LABELS[answer.format];
  return (
    <Table
      data-testid="export-untranslated"
      variant="container"
      wrapLines
      items={answer.untranslated}
      trackBy={(u) => `${u.resource} ${u.field}`}
      ariaLabels={{ tableLabel: `Not translated to ${label}` }}
      header={
        <Header
          variant="h3"
          counter={`(${answer.untranslated.length})`}
          description={`What ${label} has no equivalent for, and what to do instead.`}
        >
          Not translated
        </Header>
      }
      columnDefinitions={[
        { id: 'resource', header: 'Resource', cell: (u) => u.resource },
        { id: 'field', header: 'Field', cell: (u) => u.field },
        { id: 'reason', header: 'Reason', cell: (u) => u.reason },
      ]}
      empty={
        <TableEmptyState
          title="Everything translates"
          subtitle={`Every field of the exported resources has a ${label} equivalent.`}
        />
      }
    />
  );
}

function FormatPanel({ scope, format }: { scope: ExportScope; format: ExportFormat }) {
  const query = useExport(scope, format);
  const label = EXPORT_FORMAT_LABELS[format];
  if (query.isPending) {
    return (
      <Box textAlign="center" padding="l">
        <StatusIndicator type="loading">Generating the {label} files</StatusIndicator>
      </Box>
    );
  }
  if (query.isError) {
    return (
      <ErrorState
        header={`Couldn't export ${scope.virtualGateway !== undefined ? `virtual gateway ${scope.virtualGateway}` : `mesh ${scope.mesh}`} as ${label}`}
        message={errorMessage(query.error)}
        onRetry={() => void query.refetch()}
      />
    );
  }
  const answer = query.data;
  return (
    <SpaceBetween size="m">
      {[
        <Box key="about" variant="p" color="text-body-secondary">
          {FORMAT_DESCRIPTIONS[format]}
        </Box>,
        <Grid key="grid" gridDefinition={[{ colspan: { default: 12, l: 7 } }, { colspan: { default: 12, l: 5 } }]}>
          <SpaceBetween size="m">
            {answer.files.map((file) => (
              <FileView
                key={file.path}
                data-testid="export-file"
                filename={file.path}
                content={file.content}
                mediaType={mediaTypeOf(file.path)}
              />
            ))}
          </SpaceBetween>
          <Untranslated answer={answer} />
        </Grid>,
      ]}
    </SpaceBetween>
  );
}

/** The Export modal (loaded on demand by `ExportButton`): one tab per format. */
export default function ExportModal({ scope, onDismiss }: { scope: ExportScope; onDismiss: () => void }) {
  const [format, setFormat] = useState<ExportFormat>('terraform');
  return (
    <Modal
      visible
      size="max"
      onDismiss={onDismiss}
      header={exportTitle(scope)}
      closeAriaLabel="Close dialog"
      data-testid="export-modal"
      footer={
        <Box float="right">
          <Button variant="primary" onClick={onDismiss} data-testid="close-export">
            Close
          </Button>
        </Box>
      }
    >
      <SpaceBetween size="s">
        {[
          <Box key="what" variant="p">
            {scope.virtualGateway !== undefined
              ? `Virtual gateway ${scope.virtualGateway} of mesh ${scope.mesh}, its gateway routes and the virtual services they target.`
              : `The virtual services, virtual gateways and gateway routes of mesh ${scope.mesh}.`}
          </Box>,
          <Tabs
            key="tabs"
            ariaLabel="Export format"
            activeTabId={format}
            onChange={({ detail }) => setFormat(detail.activeTabId as ExportFormat)}
            tabs={EXPORT_FORMATS.map((f) => ({
              id: f,
              label: EXPORT_FORMAT_LABELS[f],
              content: f === format ? <FormatPanel scope={scope} format={f} /> : null,
            }))}
          />,
        ]}
      </SpaceBetween>
    </Modal>
  );
}
