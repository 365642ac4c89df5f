import CodeView from '@cloudscape-design/code-view/code-view';
import jsonHighlight from '@cloudscape-design/code-view/highlight/json';
import Box from '@cloudscape-design/components/box';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import SpaceBetween from '@cloudscape-design/components/space-between';

/**
 * The output of an `aws appmesh describe-*` command (the model's printer gives the text): the command
 * named above it, the JSON with a copy button.
 */
export function DescribeJsonView(props: { command: string; subject: string; json: string; testId?: string }) {
  return (
    <SpaceBetween size="s">
      {[
        <Box key="intro" variant="p" color="text-body-secondary">
          The output of <code>aws appmesh {props.command}</code> for {props.subject}.
        </Box>,
        <div key="code" data-testid={props.testId ?? 'describe-json'}>
          <CodeView
            content={props.json}
            highlight={jsonHighlight}
            ariaLabel={`${props.command} output`}
            actions={
              <CopyToClipboard
                variant="icon"
                textToCopy={props.json}
                copyButtonAriaLabel="Copy JSON"
                copySuccessText="JSON copied"
                copyErrorText="JSON failed to copy"
              />
            }
          />
        </div>,
      ]}
    </SpaceBetween>
  );
}
