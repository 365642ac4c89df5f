import CodeView from '@cloudscape-design/code-view/code-view';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { DeployArtifact } from '@meshconsole/model';

/** Saves text as a file through a temporary object URL. */
export function downloadText(filename: string, content: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function DeployArtifactView({ artifact }: { artifact: DeployArtifact }) {
  return (
    <Container
      data-testid={`deploy-artifact-${artifact.id}`}
      header={
        <Header
          variant="h3"
          description={`${artifact.target}/${artifact.filename}`}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <CopyToClipboard
                variant="button"
                copyButtonText="Copy"
                copyButtonAriaLabel={`Copy ${artifact.filename}`}
                copySuccessText={`${artifact.filename} copied`}
                copyErrorText={`${artifact.filename} could not be copied`}
                textToCopy={artifact.content}
              />
              <Button
                iconName="download"
                ariaLabel={`Download ${artifact.filename}`}
                onClick={() => downloadText(artifact.filename, artifact.content, artifact.mediaType)}
              >
                Download
              </Button>
            </SpaceBetween>
          }
        >
          {artifact.title}
        </Header>
      }
    >
      <CodeView content={artifact.content} lineNumbers ariaLabel={artifact.filename} />
    </Container>
  );
}
