import CodeView from '@cloudscape-design/code-view/code-view';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';

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

export interface FileViewProps {
  /** The file's name: the download's name and the copy and download buttons' labels. */
  filename: string;
  content: string;
  mediaType: string;
  /** The header's title (the file name when not given). */
  title?: string;
  /** A line under the title (where the file goes). */
  description?: string;
  'data-testid'?: string;
}

/** A generated file: its content in a code view, with Copy and Download (the Deploy tab, the Export modal). */
export function FileView({ filename, content, mediaType, title, description, 'data-testid': testId }: FileViewProps) {
  return (
    <Container
      data-testid={testId}
      header={
        <Header
          variant="h3"
          description={description}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <CopyToClipboard
                variant="button"
                copyButtonText="Copy"
                copyButtonAriaLabel={`Copy ${filename}`}
                copySuccessText={`${filename} copied`}
                copyErrorText={`${filename} could not be copied`}
                textToCopy={content}
              />
              <Button
                iconName="download"
                ariaLabel={`Download ${filename}`}
                onClick={() => downloadText(filename, content, mediaType)}
              >
                Download
              </Button>
            </SpaceBetween>
          }
        >
          {title ?? filename}
        </Header>
      }
    >
      {/* Wrapped: a long line would make a scrollable region that the keyboard cannot reach (axe). */}
      <CodeView content={content} lineNumbers wrapLines ariaLabel={filename} />
    </Container>
  );
}
