import { type FormSection, type GatewayFormInput, stepOf } from '@meshconsole/playwright';
import { FULL_GATEWAY } from '../fixtures/gateways';
import { expect, test } from '../fixtures/test';

/**
 * One row per field: on the create wizard open on the field's step (`?step=`), filled as a valid
 * gateway would be, replace the field's value with a bad one and press Next. The step must stay open
 * with the model's message at that field, the field must get focus (the top-most error), and no
 * gateway may exist.
 */
interface BadValueCase {
  /** The field's console label. */
  field: string;
  /** The form section holding the field, to tell apart fields that share a label. */
  section?: FormSection;
  /** Set for a repeatable list's row (0-based): its input is labelled "<field> <n>". */
  row?: number;
  value: string;
  message: string;
  /** The valid gateway to start from, when the field needs another choice than FULL_GATEWAY's. */
  base?: GatewayFormInput;
}

/** FULL_GATEWAY with ACM everywhere ACM is offered: client policy validation and the listener certificate. */
const ACM_GATEWAY: GatewayFormInput = {
  ...FULL_GATEWAY,
  clientPolicy: {
    ...FULL_GATEWAY.clientPolicy,
    validation: {
      method: 'acm',
      certificates: [
        'arn:aws:acm-pca:us-west-2:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555',
      ],
    },
  },
  listener: {
    ...FULL_GATEWAY.listener,
    tls: {
      mode: 'PERMISSIVE',
      certificate: {
        method: 'acm',
        certificateArn: 'arn:aws:acm:us-west-2:123456789012:certificate/66666666-7777-8888-9999-000000000000',
      },
    },
  },
};

/**
 * A valid gateway with the section holding the field filled as in FULL_GATEWAY (the listener is
 * always there; the other sections only where the field lives, to keep each case short).
 */
function baseFor(section: FormSection | undefined): GatewayFormInput {
  const { clientPolicy, logging, listener } = FULL_GATEWAY;
  const { tls: _tls, ...plainListener } = listener;
  switch (section) {
    case 'Client policy defaults':
    case 'Provide client certificate':
      return { name: '', clientPolicy, listener: plainListener };
    case 'Logging':
      return { name: '', logging, listener: plainListener };
    case 'TLS termination':
    case 'Require client certificate':
      return { name: '', listener };
    default:
      return { name: '', listener: plainListener };
  }
}

const CASES: BadValueCase[] = [
  { field: 'Virtual gateway name', value: '', message: 'Virtual gateway name is required.' },
  {
    field: 'Virtual gateway name',
    value: 'g'.repeat(256),
    message: 'Virtual gateway name must be 1 to 255 characters.',
  },
  { field: 'Port', section: 'Listener', value: '0', message: 'Port must be between 1 and 65535.' },
  { field: 'Port', section: 'Listener', value: '65536', message: 'Port must be between 1 and 65535.' },
  {
    field: 'Ports',
    section: 'Client policy defaults',
    value: '443, 70000',
    message: 'Port must be between 1 and 65535.',
  },
  { field: 'Maximum connections', section: 'Listener', value: '0', message: 'Maximum connections must be at least 1.' },
  {
    field: 'Maximum pending requests',
    section: 'Listener',
    value: '0',
    message: 'Maximum pending requests must be at least 1.',
  },
  {
    field: 'Health check port',
    section: 'Listener',
    value: '65536',
    message: 'Health check port must be between 1 and 65535.',
  },
  {
    field: 'Healthy threshold',
    section: 'Listener',
    value: '1',
    message: 'Healthy threshold must be between 2 and 10.',
  },
  {
    field: 'Health check interval',
    section: 'Listener',
    value: '4999',
    message: 'Health check interval must be between 5000 and 300000 ms.',
  },
  {
    field: 'Timeout period',
    section: 'Listener',
    value: '60001',
    message: 'Timeout period must be between 2000 and 60000 ms.',
  },
  {
    field: 'Unhealthy threshold',
    section: 'Listener',
    value: '11',
    message: 'Unhealthy threshold must be between 2 and 10.',
  },
  {
    field: 'HTTP access logs path',
    section: 'Logging',
    value: `/var/log/${'l'.repeat(250)}`,
    message: 'HTTP access logs path must be 1 to 255 characters.',
  },
  {
    field: 'Certificate chain',
    section: 'TLS termination',
    value: '',
    message: 'Certificate chain is required.',
  },
  {
    field: 'Private key',
    section: 'TLS termination',
    value: '',
    message: 'Private key is required.',
  },
  {
    field: 'Secret name',
    section: 'Client policy defaults',
    value: '',
    message: 'Secret name is required.',
  },
  {
    field: 'Subject Alternative Name',
    section: 'Client policy defaults',
    row: 1,
    value: 'not a name!',
    message:
      'Subject Alternative Name must be a DNS name (such as www.example.com or *.example.com) or a URI (such as spiffe://example.com/app).',
  },
  {
    field: 'Subject Alternative Name',
    section: 'Require client certificate',
    row: 0,
    value: 'under_score.example.org',
    message:
      'Subject Alternative Name must be a DNS name (such as www.example.com or *.example.com) or a URI (such as spiffe://example.com/app).',
  },
  { field: 'Virtual gateway name', value: 'edge/gateway', message: 'Virtual gateway name must not contain "/".' },
  { field: 'Key', section: 'Logging', row: 0, value: 'k'.repeat(101), message: 'Key must be 1 to 100 characters.' },
  { field: 'Value', section: 'Logging', row: 1, value: '', message: 'Value is required.' },
  {
    field: 'Certificates',
    section: 'Client policy defaults',
    value: 'arn:aws:acm:us-west-2:123456789012:certificate/not-a-ca',
    message:
      'Certificate must be an ACM Private CA ARN (arn:aws:acm-pca:<region>:<account>:certificate-authority/<id>).',
    base: ACM_GATEWAY,
  },
  {
    field: 'Certificate',
    section: 'TLS termination',
    value: 'not-an-arn',
    message: 'Certificate must be an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>).',
    base: ACM_GATEWAY,
  },
];

/** One page load per step and starting gateway: the cases that share both run in turn on it. */
interface CaseGroup {
  step: ReturnType<typeof stepOf>;
  base: GatewayFormInput;
  cases: BadValueCase[];
}

function groupCases(cases: BadValueCase[]): CaseGroup[] {
  const groups = new Map<string, CaseGroup>();
  for (const c of cases) {
    const step = stepOf(c.section);
    const base = c.base ?? baseFor(c.section);
    // The listener's own fields (port, pool, health check) are checked against each other (the health
    // check port against the port, the health check's fields as a group): a bad value there can leave
    // errors at other fields that putting the valid value back does not clear, so each of these cases
    // opens the step anew, as before.
    const alone = c.section === 'Listener';
    const key = alone ? `${step}|${caseTitle(c)}` : `${step}|${JSON.stringify(base)}`;
    const group = groups.get(key) ?? { step, base, cases: [] };
    group.cases.push(c);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function caseTitle(c: BadValueCase): string {
  const where = `${c.row === undefined ? '' : ` row ${c.row + 1}`}${c.section ? ` (${c.section})` : ''}`;
  const shown = c.value.length > 20 ? `${c.value.length} characters` : `"${c.value}"`;
  return `${c.field}${where} is ${shown}`;
}

test.describe('Create virtual gateway: validation', () => {
  // Each case used to open the wizard anew (a page load and the step filled: most of its time). Now the
  // cases of one step and starting gateway share one load: each case puts its bad value in, presses
  // Next and checks the outcome, then puts the valid value back and checks that no error is left, so
  // the next case starts from the same valid step. Every case is a step of its test (named in the report).
  for (const group of groupCases(CASES)) {
    const extra = group.base.clientPolicy
      ? group.base.clientPolicy.validation.method === 'acm'
        ? ' with ACM'
        : ' with a client policy'
      : group.base.listener.tls
        ? group.base.listener.tls.certificate.method === 'acm'
          ? ' with ACM'
          : ' with TLS termination'
        : '';
    test(`on the ${group.step} step${extra}, when ${group.cases.length === 1 ? caseTitle(group.cases[0] as BadValueCase) : `each of ${group.cases.map(caseTitle).join('; ')} in turn`}, then Next stays on the step with the message at the field and nothing is created`, async ({
      page,
      api,
      demo,
      gatewayForm,
    }) => {
      const name = 'e2e-invalid-gateway';
      const before = await api.listVirtualGateways(demo.mesh);
      const input = { ...group.base, name };

      const openStep = async () => {
        await gatewayForm.gotoCreate(demo.mesh, undefined, group.step);
        if (group.step === 'Virtual gateway details') await gatewayForm.fillDetails(input);
        else if (group.step === 'Logging') await gatewayForm.fillLogging(input);
        else await gatewayForm.fillListener(input);
        await expect(gatewayForm.fieldErrors).toHaveCount(0);
      };
      await openStep();

      for (const [i, c] of group.cases.entries()) {
        await test.step(`when ${caseTitle(c)}, then Next stays on the step with "${c.message}" at the field`, async () => {
          const scope = c.section ? gatewayForm.section(c.section) : page;
          const field =
            c.row === undefined
              ? gatewayForm.input(c.field, scope).first()
              : gatewayForm.listInput(c.field, c.row, scope);
          const error =
            c.row === undefined ? gatewayForm.fieldError(c.field, scope) : gatewayForm.listError(c.field, c.row, scope);
          const valid = await field.inputValue();
          await field.fill(c.value);
          await field.blur();
          await gatewayForm.next();

          await expect(error).toHaveText(c.message);
          await expect(field).toBeFocused();
          await gatewayForm.expectStep(group.step);
          expect(await api.findVirtualGateway(demo.mesh, name)).toBeUndefined();
          expect((await api.listVirtualGateways(demo.mesh)).length).toBe(before.length);

          // Back to the valid step for the next case (none after the last). A bad value can leave an error at another field
          // that the valid value does not clear on blur (a bad Port leaves "Health check port must match
          // the listener port" until that field is validated again): then the step is opened anew.
          if (i === group.cases.length - 1) return;
          await field.fill(valid);
          await field.blur();
          await expect(error).toBeHidden();
          const clean = await expect(gatewayForm.fieldErrors)
            .toHaveCount(0, { timeout: 2_000 })
            .then(
              () => true,
              () => false,
            );
          if (!clean) await openStep();
        });
      }
    });
  }
});
