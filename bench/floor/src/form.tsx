import '@cloudscape-design/global-styles/index.css';
import AppLayout from '@cloudscape-design/components/app-layout';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const protocols = [
  { value: 'http', label: 'http' },
  { value: 'http2', label: 'http2' },
  { value: 'grpc', label: 'grpc' },
];

function FloorForm() {
  const [name, setName] = useState('');
  const [port, setPort] = useState('8080');
  const [protocol, setProtocol] = useState(protocols[0]);
  const [pool, setPool] = useState(false);
  return (
    <Form
      header={<Header variant="h1">Create virtual gateway</Header>}
      actions={<Button variant="primary">Create virtual gateway</Button>}
    >
      <SpaceBetween size="l">
        {[
          <Container key="name" header={<Header variant="h2">Virtual gateway configuration</Header>}>
            <FormField label="Virtual gateway name">
              <Input value={name} onChange={({ detail }) => setName(detail.value)} />
            </FormField>
          </Container>,
          <Container key="listener" header={<Header variant="h2">Listener</Header>}>
            <SpaceBetween size="m">
              {[
                <FormField key="p" label="Protocol">
                  <Select
                    selectedOption={protocol ?? null}
                    options={protocols}
                    onChange={({ detail }) => setProtocol(detail.selectedOption as (typeof protocols)[number])}
                  />
                </FormField>,
                <FormField
                  key="port"
                  label="Port"
                  errorText={/^\d+$/.test(port) ? '' : 'Port must be between 1 and 65535.'}
                >
                  <Input type="number" value={port} onChange={({ detail }) => setPort(detail.value)} />
                </FormField>,
                <Checkbox key="pool" checked={pool} onChange={({ detail }) => setPool(detail.checked)}>
                  Enable connection pool
                </Checkbox>,
              ]}
            </SpaceBetween>
          </Container>,
        ]}
      </SpaceBetween>
    </Form>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <AppLayout contentType="form" navigationHide content={<FloorForm />} />,
);
