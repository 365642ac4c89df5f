import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FileUpload from '@cloudscape-design/components/file-upload';
import FormField from '@cloudscape-design/components/form-field';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';

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
