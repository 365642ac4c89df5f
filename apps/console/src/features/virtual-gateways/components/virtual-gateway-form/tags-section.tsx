import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import { memo } from 'react';
import { type UseFormSetValue, useWatch } from 'react-hook-form';
import type { FormControl } from '../../../../components/form/form-fields';
import type { VirtualGatewayFormValues } from './form-definition';

/**
 * The tags a create request sends (they come from Import JSON). Shown only when there are some;
 * memoized and watching only `tags`, so typing elsewhere doesn't re-render it. A plain list, not a
 * Table: the create page's code stays small.
 */
export const TagsSection = memo(function TagsSection({
  control,
  setValue,
}: {
  control: FormControl<VirtualGatewayFormValues>;
  setValue: UseFormSetValue<VirtualGatewayFormValues>;
}) {
  const tags = useWatch({ control, name: 'tags' });
  if (!tags || tags.length === 0) return null;
  return (
    <div data-testid="tags-section">
      <Container
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
      >
        <ul aria-label="Tags to create" style={{ margin: 0, paddingInlineStart: 20 }}>
          {tags.map((t) => (
            <li key={t.key}>
              <Box variant="code">{t.key}</Box> = {t.value === '' ? <i>empty</i> : <Box variant="code">{t.value}</Box>}
            </li>
          ))}
        </ul>
      </Container>
    </div>
  );
});
