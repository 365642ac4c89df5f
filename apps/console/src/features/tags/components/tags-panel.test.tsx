import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { act, configure, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../app/providers';
import { TagsPanel, tagProblems } from './tags-panel';

configure({ getElementError: (message) => new Error(message ?? 'Element not found') });

const ARN = 'arn:aws:appmesh:us-west-2:123456789012:mesh/demo-mesh/virtualGateway/ingress-gw';
let tags: Array<{ key: string; value: string }>;
let writes: Array<{ path: string; body: unknown }>;
let reads: string[];
let forbid: boolean;
const ME = '123456789012';
const PARTNER = '210987654321';

beforeEach(() => {
  tags = [
    { key: 'team', value: 'payments' },
    { key: 'env', value: 'dev' },
  ];
  writes = [];
  reads = [];
  forbid = false;
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
      if (url.pathname === '/api/session') {
        return new Response(JSON.stringify({ accountId: ME, region: 'us-west-2', backend: 'local' }), { status: 200 });
      }
      reads.push(url.pathname);
      if (forbid) {
        const message = `Virtual gateway is owned by account ${PARTNER}; only the resource owner can manage its tags.`;
        return new Response(JSON.stringify({ error: { code: 'ForbiddenException', message, requestId: 'r' } }), {
          status: 403,
        });
      }
      return new Response(JSON.stringify({ tags }), { status: 200 });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderPanel(resourceOwner: string) {
  const { container } = render(
    <AppProviders>
      <TagsPanel resourceArn={ARN} resourceOwner={resourceOwner} />
    </AppProviders>,
  );
  return createWrapper(container);
}

describe('TagsPanel', () => {
  it('when a tag is removed in Manage tags and saved, then only untag is called with that key and the table follows', async () => {
    const wrapper = renderPanel(ME);
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

  it('when another account owns the resource, then the panel says who can see its tags, asks nothing and shows no error', async () => {
    const wrapper = renderPanel(PARTNER);
    await waitFor(() =>
      expect(wrapper.find('[data-testid="tags-owner-only"]')?.getElement().textContent).toContain(
        `Only the resource owner, account ${PARTNER}, can see and change its tags.`,
      ),
    );
    expect(reads).toEqual([]);
    expect(wrapper.findAlert()).toBeNull();
    const manage = wrapper.findAllButtons().find((b) => b.getElement().textContent?.startsWith('Manage tags'))!;
    expect(manage.isDisabled()).toBe(true);
  });

  it('when the server answers ForbiddenException, then the panel shows the owner-only state, not an error', async () => {
    forbid = true;
    const wrapper = renderPanel(ME);
    await waitFor(() =>
      expect(wrapper.find('[data-testid="tags-owner-only"]')?.getElement().textContent).toContain(
        `account ${ME}, can see`,
      ),
    );
    expect(reads).toEqual(['/api/tags']);
    expect(wrapper.findAlert()).toBeNull();
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
