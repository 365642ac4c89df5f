import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { act, configure, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../app/providers';
import { TagsPanel, tagProblems } from './tags-panel';

configure({ getElementError: (message) => new Error(message ?? 'Element not found') });

const ARN = 'arn:aws:appmesh:us-west-2:123456789012:mesh/demo-mesh/virtualGateway/ingress-gw';
let tags: Array<{ key: string; value: string }>;
let writes: Array<{ path: string; body: unknown }>;

beforeEach(() => {
  tags = [
    { key: 'team', value: 'payments' },
    { key: 'env', value: 'dev' },
  ];
  writes = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://localhost');
      if (init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as { tagKeys?: string[]; tags?: typeof tags };
        writes.push({ path: url.pathname, body });
        if (url.pathname === '/api/untag') tags = tags.filter((t) => !body.tagKeys?.includes(t.key));
        if (url.pathname === '/api/tags')
          tags = [...tags.filter((t) => !body.tags?.some((n) => n.key === t.key)), ...(body.tags ?? [])];
        return new Response('{}', { status: 200 });
      }
      return new Response(JSON.stringify({ tags }), { status: 200 });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderPanel(canWrite: boolean) {
  const { container } = render(
    <AppProviders>
      <TagsPanel resourceArn={ARN} canWrite={canWrite} />
    </AppProviders>,
  );
  return createWrapper(container);
}

describe('TagsPanel', () => {
  it('when a tag is removed in Manage tags and saved, then only untag is called with that key and the table follows', async () => {
    const wrapper = renderPanel(true);
    const table = () => wrapper.findTable('[data-testid="tags-table"]')!;
    await waitFor(() => expect(table().findRows()).toHaveLength(2));

    const manage = wrapper.findAllButtons().find((b) => b.getElement().textContent === 'Manage tags')!;
    act(() => manage.click());
    const modal = createWrapper(document.body).findModal()!;
    const editor = modal.findContent().findTagEditor()!;
    await waitFor(() => expect(editor.findRows()).toHaveLength(2));
    act(() => editor.findRow(2)!.findRemoveButton()!.click());
    const save = modal
      .findFooter()!
      .findAllButtons()
      .find((b) => b.getElement().textContent === 'Save changes')!;
    await act(async () => save.click());

    await waitFor(() => expect(table().findRows()).toHaveLength(1));
    expect(writes).toEqual([{ path: '/api/untag', body: { resourceArn: ARN, tagKeys: ['env'] } }]);
  });

  it('when the caller is not the resource owner, then Manage tags is disabled', async () => {
    const wrapper = renderPanel(false);
    await waitFor(() => expect(wrapper.findTable()!.findRows()).toHaveLength(2));
    const manage = wrapper.findAllButtons().find((b) => b.getElement().textContent?.startsWith('Manage tags'))!;
    expect(manage.isDisabled()).toBe(true);
  });
});

describe('tagProblems', () => {
  it('when a key is empty, too long or repeated, then the model messages say so', () => {
    expect(
      tagProblems([
        { key: '', value: 'x', existing: false },
        { key: 'k'.repeat(129), value: '', existing: false },
        { key: 'team', value: 'a', existing: false },
        { key: 'team', value: 'b', existing: false },
      ]),
    ).toEqual(['Tag key is required.', 'Tag key must be 1 to 128 characters.', 'Tag key team is used more than once.']);
  });

  it('when a tag is marked for removal, then it is not checked', () => {
    expect(tagProblems([{ key: '', value: '', existing: true, markedForRemoval: true }])).toEqual([]);
  });
});
