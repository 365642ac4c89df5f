import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import { memo } from 'react';
import { type Control, type UseFormSetValue, useWatch } from 'react-hook-form';
import type { TagRow, VirtualGatewayFormValues } from './form-values';

/**
 * The tags a create request sends (they come from Import JSON). Shown only when there are some;
 * memoized and watching only `tags`, so typing elsewhere doesn't re-render it.
 */
export const TagsSection = memo(function TagsSection({
  control,
  setValue,
}: {
  control: Control<VirtualGatewayFormValues>;
  setValue: UseFormSetValue<VirtualGatewayFormValues>;
}) {
  const tags = useWatch({ control, name: 'tags' });
  if (!tags || tags.length === 0) return null;
  return (
    <div data-testid="tags-section">
      <Table<TagRow>
        variant="container"
        items={tags}
        trackBy="key"
        ariaLabels={{ tableLabel: 'Tags to create' }}
        columnDefinitions={[
          { id: 'key', header: 'Key', cell: (t) => t.key, isRowHeader: true },
          { id: 'value', header: 'Value', cell: (t) => (t.value === '' ? '-' : t.value) },
        ]}
        header={
          <Header
            variant="h2"
            counter={`(${tags.length})`}
            description="Imported from the JSON and sent with the create request. After the gateway exists, change its tags on its Tags tab."
            actions={
              <Button formAction="none" onClick={() => setValue('tags', [], { shouldDirty: true })}>
                Remove tags
              </Button>
            }
          >
            Tags
          </Header>
        }
      />
    </div>
  );
});
