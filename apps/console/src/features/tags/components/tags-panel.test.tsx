import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { act, configure, render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '../../../app/providers';
import type { FakeConsoleApi } from '../../../test/fake-console-api';
import { startFakeConsoleApi } from '../../../test/render';
import { seedGateways } from '../../../test/seed';
import { TagsPanel, tagProblems } from './tags-panel';

configure({ getElementError: (message) => new Error(message ?? 'Element not found') });

const PARTNER = '210987654321';

/** A gateway of the caller tagged team=payments and env=dev; returns its ARN. */
async function taggedGateway(api: FakeConsoleApi): Promise<string> {
  await seedGateways(api, ['ingress-gw']);
  const { virtualGateway } = await api.mesh.describeVirtualGateway({
    meshName: 'demo-mesh',
    virtualGatewayName: 'ingress-gw',
  });
  await api.mesh.tagResource({
    resourceArn: virtualGateway.metadata.arn,
    tags: [
      { key: 'team', value: 'payments' },
      { key: 'env', value: 'dev' },
    ],
  });
  return virtualGateway.metadata.arn;
}

function renderPanel(resourceArn: string, resourceOwner: string) {
  const { container } = render(
    <AppProviders>
      <TagsPanel resourceArn={resourceArn} resourceOwner={resourceOwner} />
    </AppProviders>,
  );
  return createWrapper(container);
}

const writes = (api: FakeConsoleApi) =>
  api.requests.filter((r) => r.method === 'POST').map((r) => ({ path: r.path, body: r.body }));
const reads = (api: FakeConsoleApi) => api.requests.filter((r) => r.path === '/api/tags' && r.method === 'GET');

describe('TagsPanel', () => {
  it('when a tag is removed in Manage tags and saved, then only untag is called with that key and the table follows', async () => {
    const api = await startFakeConsoleApi();
    const arn = await taggedGateway(api);
    const wrapper = renderPanel(arn, api.accountId);
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
    // The mesh lists tags by key: env, then team; the second row was team.
    expect(writes(api)).toEqual([{ path: '/api/untag', body: { resourceArn: arn, tagKeys: ['team'] } }]);
    expect((await api.mesh.listTagsForResource({ resourceArn: arn })).tags).toEqual([{ key: 'env', value: 'dev' }]);
  });

  it('when another account owns the resource, then the panel says who can see its tags, asks nothing and shows no error', async () => {
    const api = await startFakeConsoleApi();
    const arn = await taggedGateway(api);
    const wrapper = renderPanel(arn, PARTNER);
    await waitFor(() =>
      expect(wrapper.find('[data-testid="tags-owner-only"]')?.getElement().textContent).toContain(
        `Only the resource owner, account ${PARTNER}, can see and change its tags.`,
      ),
    );
    expect(reads(api)).toEqual([]);
    expect(wrapper.findAlert()).toBeNull();
    const manage = wrapper.findAllButtons().find((b) => b.getElement().textContent?.startsWith('Manage tags'))!;
    expect(manage.isDisabled()).toBe(true);
  });

  it('when the server answers ForbiddenException, then the panel shows the owner-only state, not an error', async () => {
    // A resource in a mesh another account shared: only its owner may read its tags.
    const api = await startFakeConsoleApi();
    await api.as(PARTNER).createMesh({ meshName: 'partner-mesh' });
    await api.share(PARTNER, 'partner-mesh', api.accountId);
    const created = await api.as(PARTNER).createVirtualGateway({
      meshName: 'partner-mesh',
      virtualGatewayName: 'partner-gw',
      spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    });
    // The panel is told the caller owns it (a stale page), so it asks and gets ForbiddenException.
    const wrapper = renderPanel(created.virtualGateway.metadata.arn, api.accountId);
    await waitFor(() =>
      expect(wrapper.find('[data-testid="tags-owner-only"]')?.getElement().textContent).toContain(
        `account ${api.accountId}, can see`,
      ),
    );
    expect(reads(api)).toHaveLength(1);
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
