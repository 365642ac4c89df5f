import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FileUpload from '@cloudscape-design/components/file-upload';
import FormField from '@cloudscape-design/components/form-field';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { type ReactNode, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { importVirtualGatewayJson, type UnusedField, type VirtualGatewayFormValues } from './form-definition';

/** The product's example `create-virtual-gateway.json` (App Mesh user guide, AWS CLI tab). */
export const PRODUCT_EXAMPLE_JSON = `{
    "spec": {
      "listeners": [
        {
          "portMapping": {
            "port": 9080,
            "protocol": "http"
          }
        }
      ]
    }
}`;

export interface ImportJsonModalProps {
  visible: boolean;
  onDismiss: () => void;
  /** Called with the parsed JSON; the form fills itself and reports unused fields. */
  onImport: (json: unknown) => void;
}

export function ImportJsonModal(props: ImportJsonModalProps) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | undefined>();

  const close = () => {
    setError(undefined);
    props.onDismiss();
  };

  const submit = () => {
    if (text.trim() === '') {
      setError('Paste JSON or choose a file to import.');
      return;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      setError(undefined);
      props.onImport(parsed);
      setText('');
      setFiles([]);
    } catch (e) {
      setError(`Enter valid JSON. ${(e as Error).message}`);
    }
  };

  return (
    <Modal
      visible={props.visible}
      onDismiss={close}
      header="Import JSON"
      size="large"
      closeAriaLabel="Close dialog"
      data-testid="import-json-modal"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            {[
              <Button key="cancel" variant="link" onClick={close}>
                Cancel
              </Button>,
              <Button key="import" variant="primary" onClick={submit} data-testid="import-json-submit">
                Import
              </Button>,
            ]}
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="l">
        {[
          <Box key="intro" variant="p">
            Paste or upload a <code>create-virtual-gateway.json</code>, the input of{' '}
            <code>aws appmesh create-virtual-gateway --cli-input-json</code>. The form fills in with what it can use,
            and lists every field it couldn't.
          </Box>,
          <FormField key="file" label="JSON file" description="A .json file from your computer.">
            <FileUpload
              value={files}
              accept=".json,application/json"
              onChange={async ({ detail }) => {
                setFiles(detail.value);
                const file = detail.value[0];
                if (file) {
                  setText(await file.text());
                  setError(undefined);
                }
              }}
              i18nStrings={{
                uploadButtonText: () => 'Choose file',
                dropzoneText: () => 'Drop a file to upload',
                removeFileAriaLabel: (i) => `Remove file ${i + 1}`,
                limitShowFewer: 'Show fewer files',
                limitShowMore: 'Show more files',
                errorIconAriaLabel: 'Error',
                warningIconAriaLabel: 'Warning',
              }}
            />
          </FormField>,
          <FormField
            key="text"
            label="JSON"
            errorText={error}
            secondaryControl={
              <Button
                formAction="none"
                onClick={() => {
                  setText(PRODUCT_EXAMPLE_JSON);
                  setError(undefined);
                }}
                data-testid="use-product-example"
              >
                Use the example
              </Button>
            }
          >
            <Textarea
              value={text}
              onChange={({ detail }) => setText(detail.value)}
              rows={14}
              placeholder={PRODUCT_EXAMPLE_JSON}
              spellcheck={false}
              invalid={!!error}
              data-testid="import-json-text"
            />
          </FormField>,
        ]}
      </SpaceBetween>
    </Modal>
  );
}

export function ImportResultAlert(props: {
  unused: ReadonlyArray<{ path: string; reason: string }>;
  onDismiss: () => void;
}) {
  if (props.unused.length === 0) {
    return (
      <Alert type="success" dismissible onDismiss={props.onDismiss} header="JSON imported" data-testid="import-result">
        Every field of the JSON was used. Review the form, then create the virtual gateway.
      </Alert>
    );
  }
  return (
    <Alert
      type="warning"
      dismissible
      onDismiss={props.onDismiss}
      header={`JSON imported: ${props.unused.length} ${props.unused.length === 1 ? 'field' : 'fields'} couldn't be used`}
      data-testid="import-result"
    >
      <ul style={{ margin: 0 }} aria-label="Fields that couldn't be used">
        {props.unused.map((u) => (
          <li key={u.path}>
            <code>{u.path}</code>: {u.reason}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/**
 * Import JSON for the create wizard and the edit page: the modal, the result alert, and `open`.
 * The JSON fills the form (every step), keeping the form's defaults so "unsaved changes" still knows
 * what changed. On edit the name stays the gateway's, and tags are listed as unused.
 */
export function useImportJson(props: {
  // biome-ignore lint/suspicious/noExplicitAny: only values are read and written; the submitted type does not matter.
  form: UseFormReturn<VirtualGatewayFormValues, any, any>;
  mode: 'create' | 'edit';
  mesh: string;
  meshOwner: string | undefined;
  /** The gateway's name on edit. */
  fixedName?: string;
}): { open: () => void; modal: ReactNode; result: ReactNode } {
  const { form, mode, mesh, meshOwner, fixedName } = props;
  const [visible, setVisible] = useState(false);
  const [unused, setUnused] = useState<UnusedField[] | null>(null);
  const modal = (
    <ImportJsonModal
      visible={visible}
      onDismiss={() => setVisible(false)}
      onImport={(json) => {
        const imported = importVirtualGatewayJson(json, {
          mesh,
          meshOwner,
          currentName: form.getValues('name'),
          withTags: mode === 'create',
        });
        const renamed = fixedName !== undefined && imported.values.name !== fixedName;
        const values = fixedName !== undefined ? { ...imported.values, name: fixedName } : imported.values;
        form.reset(values, { keepDefaultValues: true });
        setUnused(
          renamed
            ? [...imported.unused, { path: 'virtualGatewayName', reason: "A virtual gateway's name can't be changed." }]
            : imported.unused,
        );
        setVisible(false);
      }}
    />
  );
  const result = unused ? <ImportResultAlert unused={unused} onDismiss={() => setUnused(null)} /> : null;
  return { open: () => setVisible(true), modal, result };
}
