import type { DeployArtifact } from '@meshconsole/model';
import { FileView } from '../../../components/file-view';

export function DeployArtifactView({ artifact }: { artifact: DeployArtifact }) {
  return (
    <FileView
      data-testid={`deploy-artifact-${artifact.id}`}
      title={artifact.title}
      description={`${artifact.target}/${artifact.filename}`}
      filename={artifact.filename}
      content={artifact.content}
      mediaType={artifact.mediaType}
    />
  );
}
