export interface TagsPanelProps {
  resourceArn: string;
  canWrite: boolean;
}

export function TagsPanel(_props: TagsPanelProps) {
  return null;
}
