import CodeView from '@cloudscape-design/code-view/code-view';
import jsonHighlight from '@cloudscape-design/code-view/highlight/json';
import shHighlight from '@cloudscape-design/code-view/highlight/sh';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { memo, useDeferredValue } from 'react';
import { useWatch } from 'react-hook-form';
import type { FormControl } from '../../../../components/form/form-fields';
import type { VirtualGatewayFormValues } from './form-definition';
import { toRequest } from './form-definition';

/** Quotes a shell word when it needs it (single quotes, with embedded quotes escaped). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9._\-/:=@+]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface PreviewText {
  json: string;
  cli: string;
}

/** The App Mesh request as JSON, and the AWS CLI command that sends the same request. */
export function previewText(
  values: VirtualGatewayFormValues,
  ctx: { mode: 'create' | 'edit'; mesh: string; meshOwner: string | undefined; name?: string },
): PreviewText {
  const request = toRequest(values);
  const name = ctx.mode === 'edit' ? (ctx.name ?? '') : (request.virtualGatewayName ?? '');
  const full = {
    meshName: ctx.mesh,
    ...(ctx.meshOwner ? { meshOwner: ctx.meshOwner } : {}),
    virtualGatewayName: name,
    spec: request.spec,
    ...(ctx.mode === 'create' && request.tags ? { tags: request.tags } : {}),
  };
  const input = { spec: request.spec, ...(ctx.mode === 'create' && request.tags ? { tags: request.tags } : {}) };
  const command = ctx.mode === 'create' ? 'create-virtual-gateway' : 'update-virtual-gateway';
  const lines = [
    `aws appmesh ${command}`,
    `--mesh-name ${shellQuote(ctx.mesh)}`,
    ...(ctx.meshOwner ? [`--mesh-owner ${shellQuote(ctx.meshOwner)}`] : []),
    `--virtual-gateway-name ${shellQuote(name || '<name>')}`,
    `--cli-input-json ${shellQuote(JSON.stringify(input))}`,
  ];
  return { json: JSON.stringify(full, null, 2), cli: lines.join(' \\\n  ') };
}

/**
 * Highlighted code, memoized on its text: while the deferred text hasn't caught up (the urgent render
 * of a keystroke), the highlighting is not redone.
 */
const PreviewCode = memo(function PreviewCode(props: { content: string; language: 'json' | 'sh'; ariaLabel: string }) {
  return (
    <CodeView
      content={props.content}
      highlight={props.language === 'json' ? jsonHighlight : shHighlight}
      ariaLabel={props.ariaLabel}
      wrapLines
    />
  );
});

export function RequestPreview(props: {
  control: FormControl<VirtualGatewayFormValues>;
  mode: 'create' | 'edit';
  mesh: string;
  meshOwner: string | undefined;
  name?: string;
}) {
  const values = useWatch({ control: props.control }) as VirtualGatewayFormValues;
  const text = previewText(values, props);
  // Highlighting the preview never delays typing: it follows the form at a lower priority. Only
  // strings are deferred (a new object each render would keep React re-rendering in the background).
  const json = useDeferredValue(text.json);
  const cli = useDeferredValue(text.cli);
  return (
    <div data-testid="request-preview">
      <SpaceBetween size="l">
        {[
          <Container
            key="json"
            header={
              <Header
                variant="h2"
                description="The App Mesh request this form sends, updated as you type."
                actions={
                  <CopyToClipboard
                    variant="button"
                    textToCopy={json}
                    copyButtonText="Copy JSON"
                    copySuccessText="JSON copied"
                    copyErrorText="JSON failed to copy"
                    data-testid="copy-request-json"
                  />
                }
              >
                JSON
              </Header>
            }
          >
            <div data-testid="request-json">
              <PreviewCode content={json} language="json" ariaLabel="Request JSON" />
            </div>
          </Container>,
          <Container
            key="cli"
            header={
              <Header
                variant="h2"
                description="The same request with the AWS CLI."
                actions={
                  <CopyToClipboard
                    variant="button"
                    textToCopy={cli}
                    copyButtonText="Copy command"
                    copySuccessText="Command copied"
                    copyErrorText="Command failed to copy"
                    data-testid="copy-cli-command"
                  />
                }
              >
                AWS CLI
              </Header>
            }
          >
            <div data-testid="cli-command">
              <PreviewCode content={cli} language="sh" ariaLabel="AWS CLI command" />
            </div>
          </Container>,
        ]}
      </SpaceBetween>
    </div>
  );
}
