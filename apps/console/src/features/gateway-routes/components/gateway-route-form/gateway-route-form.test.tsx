import createWrapper, { type FormFieldWrapper, type SelectWrapper } from '@cloudscape-design/components/test-utils/dom';
import type { CreateGatewayRouteBody, GatewayRouteData } from '@meshconsole/model';
import { act, configure, render, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../lib/api-client';
import { formFieldByLabel } from '../../../../test/render';
import { defaultGatewayRouteFormValues, type GatewayRouteFormValues } from '../../form/gateway-route-form-definition';
import { GatewayRouteForm } from './gateway-route-form';

// A failed waitFor prints the whole Cloudscape DOM by default, which takes minutes; the message is enough.
configure({ getElementError: (message) => new Error(message ?? 'Element not found') });

type Submit = (body: CreateGatewayRouteBody) => Promise<GatewayRouteData>;

function routeData(body: CreateGatewayRouteBody): GatewayRouteData {
  return {
    meshName: 'demo-mesh',
    virtualGatewayName: 'ingress-gw',
    gatewayRouteName: body.gatewayRouteName,
    spec: body.spec,
    status: { status: 'ACTIVE' },
    metadata: {
      arn: `arn:aws:appmesh:us-west-2:123456789012:mesh/demo-mesh/virtualGateway/ingress-gw/gatewayRoute/${body.gatewayRouteName}`,
      createdAt: 1,
      lastUpdatedAt: 1,
      meshOwner: '123456789012',
      resourceOwner: '123456789012',
      uid: 'uid-1',
      version: 1,
    },
  };
}

function renderForm(options: { submit?: Submit; defaultValues?: GatewayRouteFormValues } = {}) {
  const submit = vi.fn<Submit>(options.submit ?? (async (body) => routeData(body)));
  const onSuccess = vi.fn();
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: (
          <GatewayRouteForm
            mode="create"
            gatewayName="ingress-gw"
            defaultValues={options.defaultValues ?? defaultGatewayRouteFormValues()}
            virtualServices={{
              names: ['catalog.demo.local', 'orders.demo.local'],
              loading: false,
              onRefresh: () => {},
              createHref: '/meshes/demo-mesh/virtual-services',
            }}
            submit={submit}
            onSuccess={onSuccess}
            onCancel={() => {}}
          />
        ),
      },
    ],
    { initialEntries: ['/'] },
  );
  const { container } = render(<RouterProvider router={router} />);
  const wrapper = createWrapper(container);

  /** The form field whose label starts with `label` ("Priority" also finds "Priority - optional"). */
  const field = (label: string): FormFieldWrapper => formFieldByLabel(wrapper, label);
  const type = (label: string, value: string) =>
    act(() => {
      field(label).findControl()!.findInput()!.setInputValue(value);
    });
  /** Focus then leave the field, as a person tabbing through the form does. */
  const blur = (label: string) =>
    act(() => {
      const input = field(label).findControl()!.findInput()!.findNativeInput().getElement();
      input.focus();
      input.blur();
    });
  const errorOf = (label: string) => field(label).findError()?.getElement().textContent ?? null;
  const choose = (label: string, pick: (select: SelectWrapper) => void) => {
    const select = field(label).findControl()!.findSelect()!;
    act(() => select.openDropdown());
    act(() => pick(select));
  };
  const chooseService = (index: number) => choose('Virtual service name', (s) => s.selectOption(index));
  const clickSubmit = async () => {
    await act(async () => {
      wrapper.findForm()!.findActions()!.findButton('[type="submit"]')!.click();
    });
  };
  return { wrapper, submit, onSuccess, field, type, blur, errorOf, choose, chooseService, clickSubmit, container };
}

describe('GatewayRouteForm', () => {
  it('when the form is first shown, then no field shows an error', () => {
    const { wrapper } = renderForm();
    expect(wrapper.findAllFormFields().filter((f) => f.findError() !== null)).toHaveLength(0);
  });

  it('when rendered, then the only submit button is the primary one, so Enter in a field submits the form', () => {
    const { container } = renderForm();
    const submits = [...container.querySelectorAll('form button[type="submit"]')].map((b) => b.textContent);
    expect(submits).toEqual(['Create gateway route']);
  });

  it('when submitted empty, then the required fields show their messages, the name is focused and nothing is sent', async () => {
    const { submit, errorOf, clickSubmit, field } = renderForm();
    await clickSubmit();
    await waitFor(() => expect(errorOf('Gateway route name')).toBe('Gateway route name is required.'));
    expect(errorOf('Virtual service name')).toBe('Virtual service name is required.');
    expect(errorOf('Prefix')).toBe('Match needs a prefix, a path, a hostname or a port.');
    expect(document.activeElement).toBe(
      field('Gateway route name').findControl()!.findInput()!.findNativeInput().getElement(),
    );
    expect(submit).not.toHaveBeenCalled();
  });

  it('when a reserved prefix is typed, then its message appears on blur, not before', async () => {
    const { type, blur, errorOf } = renderForm();
    await type('Prefix', '/aws-app-mesh/health');
    expect(errorOf('Prefix')).toBeNull();
    await blur('Prefix');
    await waitFor(() =>
      expect(errorOf('Prefix')).toBe(
        'Prefix must not start with /aws-app-mesh: the /aws-appmesh and /aws-app-mesh prefixes are reserved.',
      ),
    );
    await type('Prefix', '/health');
    await waitFor(() => expect(errorOf('Prefix')).toBeNull());
  });

  it('when an exact path is rewritten without a path, then Path rewrite is required and nothing is sent', async () => {
    const { wrapper, submit, type, choose, chooseService, clickSubmit, errorOf, field } = renderForm();
    await type('Gateway route name', 'red-route');
    await chooseService(1);
    choose('Path match type', (s) => s.selectOptionByValue('exact'));
    await type('Exact path', '/color/red');
    const rewritePath = wrapper
      .findAllCheckboxes()
      .find((c) => c.findLabel().getElement().textContent?.startsWith('Rewrite path'));
    act(() => rewritePath!.findNativeInput().click());
    await clickSubmit();
    await waitFor(() => expect(errorOf('Path rewrite')).toBe('Path rewrite is required.'));
    expect(submit).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(
      field('Path rewrite').findControl()!.findInput()!.findNativeInput().getElement(),
    );
  });

  it('when a valid route is submitted, then the built request is sent once', async () => {
    const { submit, onSuccess, type, chooseService, clickSubmit } = renderForm();
    await type('Gateway route name', 'catalog-v2');
    await chooseService(2);
    await type('Prefix', '/catalog');
    await type('Priority', '10');
    await clickSubmit();
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(submit).toHaveBeenCalledWith({
      gatewayRouteName: 'catalog-v2',
      spec: {
        priority: 10,
        httpRoute: {
          match: { prefix: '/catalog' },
          action: { target: { virtualService: { virtualServiceName: 'orders.demo.local' } } },
        },
      },
    });
  });

  it('when the server rejects a field, then its message lands on that field; other errors go to the form alert', async () => {
    const failures = [
      new ApiError({
        status: 400,
        code: 'BadRequestException',
        message: 'Prefix is taken.',
        fieldErrors: { 'spec.httpRoute.match.prefix': ['Prefix /catalog is used by another gateway route.'] },
      }),
      new ApiError({ status: 403, code: 'ForbiddenException', message: 'You are not the resource owner.' }),
    ];
    const { wrapper, type, chooseService, clickSubmit, errorOf } = renderForm({
      submit: async () => {
        throw failures.shift();
      },
    });
    await type('Gateway route name', 'catalog-v2');
    await chooseService(1);
    await type('Prefix', '/catalog');
    await clickSubmit();
    await waitFor(() => expect(errorOf('Prefix')).toBe('Prefix /catalog is used by another gateway route.'));
    await type('Prefix', '/catalog2');
    await clickSubmit();
    await waitFor(() =>
      expect(wrapper.findForm()!.findError()?.getElement().textContent).toContain('You are not the resource owner.'),
    );
  });

  it('when the route type is grpc, then the http match fields give way to the gRPC service name and metadata', async () => {
    const { wrapper, field } = renderForm();
    const grpc = wrapper
      .findRadioGroup()!
      .findButtons()
      .find((b) => b.findLabel().getElement().textContent === 'grpc');
    act(() => grpc!.findNativeInput().click());
    await waitFor(() => expect(field('gRPC service name')).toBeTruthy());
    expect(() => field('Method')).toThrow();
    expect(wrapper.findAttributeEditor('[data-testid="metadata-editor"]')).not.toBeNull();
  });
});
