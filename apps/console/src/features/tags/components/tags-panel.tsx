import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TagEditor, { type TagEditorProps } from '@cloudscape-design/components/tag-editor';
import type { TagRef } from '@meshconsole/model';
import { TagRefSchema } from '@meshconsole/model';
import { useState } from 'react';
import { useFlash } from '../../../components/app-shell';
import { TableEmptyState, TableErrorState } from '../../../components/table-states';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { useTags } from '../api/get-tags';
import { tagChanges, useUpdateTags } from '../api/update-tags';

export interface TagsPanelProps {
  resourceArn: string;
  /** The account that owns the resource: the only one that may see and change its tags. */
  resourceOwner: string;
}

const MAX_TAGS = 50;
const NOT_OWNER_REASON = 'Only the resource owner can change its tags.';

/** Problems of the edited tags, in the model's words (empty when the tags can be saved). */
export function tagProblems(tags: ReadonlyArray<TagEditorProps.Tag>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const tag of tags) {
    if (tag.markedForRemoval) continue;
    const parsed = TagRefSchema.safeParse({ key: tag.key, value: tag.value });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(issue.message);
    }
    if (seen.has(tag.key)) problems.push(`Tag key ${tag.key} is used more than once.`);
    seen.add(tag.key);
  }
  return [...new Set(problems)];
}

function ManageTagsModal({
  resourceArn,
  current,
  onDismiss,
}: {
  resourceArn: string;
  current: TagRef[];
  onDismiss: () => void;
}) {
  const [tags, setTags] = useState<TagEditorProps.Tag[]>(() =>
    current.map((t) => ({ key: t.key, value: t.value, existing: true })),
  );
  const [submitted, setSubmitted] = useState(false);
  const mutation = useUpdateTags(resourceArn);
  const flash = useFlash();
  const problems = submitted ? tagProblems(tags) : [];

  const save = () => {
    setSubmitted(true);
    if (tagProblems(tags).length > 0) return;
    const after = tags.filter((t) => !t.markedForRemoval).map((t) => ({ key: t.key, value: t.value }));
    const changes = tagChanges(current, after);
    if (changes.tags.length === 0 && changes.tagKeys.length === 0) {
      onDismiss();
      return;
    }
    mutation.mutate(changes, {
      onSuccess: () => {
        flash.push({ id: `tags-${resourceArn}`, type: 'success', content: 'Tags were saved.' });
        onDismiss();
      },
    });
  };

  return (
    <Modal
      visible
      size="large"
      onDismiss={onDismiss}
      header="Manage tags"
      closeAriaLabel="Close dialog"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            {[
              <Button key="cancel" variant="link" onClick={onDismiss}>
                Cancel
              </Button>,
              <Button key="save" variant="primary" loading={mutation.isPending} onClick={save}>
                Save changes
              </Button>,
            ]}
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        {[
          <TagEditor
            key="editor"
            tags={tags}
            onChange={({ detail }) => setTags([...detail.tags])}
            tagLimit={MAX_TAGS}
            keysRequest={() => Promise.resolve([])}
            valuesRequest={() => Promise.resolve([])}
          />,
          problems.length > 0 ? (
            <Alert key="problems" type="error" header="The tags can't be saved">
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </Alert>
          ) : null,
          mutation.isError ? (
            <Alert key="error" type="error" header="Couldn't save the tags">
              {errorMessage(mutation.error)}
            </Alert>
          ) : null,
        ]}
      </SpaceBetween>
    </Modal>
  );
}

/**
 * Why the caller can't see the tags, or undefined when it can. Only the resource owner may list or
 * change a resource's tags (App Mesh answers ForbiddenException to anyone else), so for a resource
 * another account owns the panel says so calmly instead of showing an error.
 */
export function tagsHiddenReason(resourceOwner: string): string {
  return `Only the resource owner, account ${resourceOwner}, can see and change its tags.`;
}

/** Tags of a resource (a table), with Manage tags (TagEditor in a modal) for the resource owner. */
export function TagsPanel({ resourceArn, resourceOwner }: TagsPanelProps) {
  const session = useSession();
  const caller = session.data?.accountId;
  const isOwner = caller !== undefined && caller === resourceOwner;
  // Don't ask for tags the caller may not read: the answer would only be ForbiddenException.
  const query = useTags(resourceArn, isOwner);
  const [editing, setEditing] = useState(false);
  const forbidden =
    (caller !== undefined && !isOwner) ||
    (query.error instanceof ApiError && query.error.code === 'ForbiddenException');
  const tags = forbidden ? [] : (query.data ?? []);
  const loading = !forbidden && (session.isPending || (isOwner && query.isPending));

  return (
    <>
      <Table
        data-testid="tags-table"
        variant="container"
        items={tags}
        trackBy="key"
        loading={loading}
        loadingText="Loading tags"
        ariaLabels={{ tableLabel: 'Tags' }}
        columnDefinitions={[
          { id: 'key', header: 'Key', cell: (t) => t.key, isRowHeader: true },
          { id: 'value', header: 'Value', cell: (t) => (t.value === '' ? '-' : t.value) },
        ]}
        header={
          <Header
            counter={query.data && !forbidden ? `(${tags.length})` : undefined}
            description="Tags are key-value labels that help you organize your resources."
            actions={
              <Button
                onClick={() => setEditing(true)}
                disabled={!isOwner || forbidden || !query.data}
                disabledReason={!isOwner || forbidden ? NOT_OWNER_REASON : undefined}
              >
                Manage tags
              </Button>
            }
          >
            Tags
          </Header>
        }
        empty={
          forbidden ? (
            <div data-testid="tags-owner-only">
              <TableEmptyState title="Tags are visible to the owner only" subtitle={tagsHiddenReason(resourceOwner)} />
            </div>
          ) : query.isError ? (
            <TableErrorState
              header="Couldn't load the tags"
              message={errorMessage(query.error)}
              onRetry={() => void query.refetch()}
            />
          ) : session.isError ? (
            <TableErrorState
              header="Couldn't load your account"
              message={errorMessage(session.error)}
              onRetry={() => void session.refetch()}
            />
          ) : (
            <TableEmptyState title="No tags" subtitle="This resource has no tags." />
          )
        }
      />
      {editing && query.data ? (
        <ManageTagsModal resourceArn={resourceArn} current={query.data} onDismiss={() => setEditing(false)} />
      ) : null}
    </>
  );
}
