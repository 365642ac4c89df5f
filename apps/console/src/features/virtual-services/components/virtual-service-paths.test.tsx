import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { describe, expect, it } from 'vitest';
import { checkPathCoverage } from '../../../test/path-coverage';
import { eventually, renderWithApp } from '../../../test/render';
import { CreateVirtualServiceModal, VIRTUAL_SERVICE_FORM } from './create-virtual-service-modal';

describe('create virtual service modal: every path the model reports reaches its field', () => {
  it('when the server reports a problem at any path of a create request, then it shows at the visible field of that name, or in the form error', async () => {
    const report = await checkPathCoverage({
      definition: VIRTUAL_SERVICE_FORM,
      scenarios: [
        { name: 'no provider', values: { virtualServiceName: 'a.local', providerType: 'none', providerName: '' } },
        {
          name: 'virtual node',
          values: { virtualServiceName: 'a.local', providerType: 'virtualNode', providerName: 'n' },
        },
        {
          name: 'virtual router',
          values: { virtualServiceName: 'a.local', providerType: 'virtualRouter', providerName: 'r' },
        },
      ],
      render: (values, send) => {
        const utils = renderWithApp(
          <CreateVirtualServiceModal
            visible
            defaultValues={values}
            onDismiss={() => {}}
            submit={send}
            onCreated={() => {}}
          />,
          { path: '/services', pattern: '/services' },
        );
        const button = () =>
          createWrapper(document.body)
            .findModal('[data-testid="create-virtual-service-modal"]')
            ?.findContent()
            .findForm()
            ?.findActions()
            ?.findButton('[type="submit"]');
        return {
          submit: async () => {
            await eventually(() => expect(button()).toBeTruthy());
            button()?.click();
          },
          unmount: utils.unmount,
        };
      },
    });
    expect(report.problems).toEqual([]);
    expect(report.paths.filter((p) => !report.seen.has(p))).toEqual([
      'tags',
      'tags.*',
      'tags.*.key',
      'tags.*.value',
      'clientToken',
    ]);
  }, 60_000);
});
