import { type AdminResetBody, type Session, TEST_SUPPORT_SIGNING_SERVICE } from '@meshconsole/model';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { type SigningCredentials, signRequest } from './sign-request';

const RESET_PATH = '/api/admin/reset';
const ResetAnswerSchema = z.object({ ok: z.literal(true) });

/**
 * `POST /api/admin/reset`: wipes the local mesh and seeds it again (`demo`) or leaves it empty (`none`). When the
 * server requires a signature, the request is signed in the page with `credentials` (an ADMIN_KEYS key): the
 * body is serialized once, here, so the bytes signed are the bytes sent.
 */
export async function resetStore(
  body: AdminResetBody,
  session: Pick<Session, 'region'>,
  credentials?: SigningCredentials,
): Promise<void> {
  const headers = credentials
    ? await signRequest({
        method: 'POST',
        path: RESET_PATH,
        host: window.location.host,
        body: JSON.stringify(body),
        region: session.region,
        service: TEST_SUPPORT_SIGNING_SERVICE,
        credentials,
      })
    : undefined;
  await api.post(RESET_PATH, ResetAnswerSchema, body, headers ? { headers } : undefined);
}
