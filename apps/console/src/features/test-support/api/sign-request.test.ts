import { describe, expect, it } from 'vitest';
import { signRequest } from './sign-request';

const EXAMPLE = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

describe('signRequest', () => {
  it('when it signs the AWS SigV4 test suite case get-vanilla, then the signature is the published one', async () => {
    const headers = await signRequest({
      method: 'GET',
      path: '/',
      host: 'example.amazonaws.com',
      body: '',
      region: 'us-east-1',
      service: 'service',
      credentials: EXAMPLE,
      date: new Date('2015-08-30T12:36:00Z'),
      contentSha256: false,
    });
    expect(headers).toEqual({
      'x-amz-date': '20150830T123600Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    });
  });

  it('when it signs a reset, then it matches the AWS SDK signer (@smithy/signature-v4) for the same request', async () => {
    // Reference made with @smithy/signature-v4 5.7 (service meshconsole, us-west-2, applyChecksum off and the
    // x-amz-content-sha256 header given), for POST http://127.0.0.1:8080/api/admin/reset {"seed":"none"}.
    const headers = await signRequest({
      method: 'POST',
      path: '/api/admin/reset',
      host: '127.0.0.1:8080',
      body: '{"seed":"none"}',
      region: 'us-west-2',
      service: 'meshconsole',
      credentials: EXAMPLE,
      date: new Date('2026-11-26T13:30:00Z'),
    });
    expect(headers).toEqual({
      'x-amz-date': '20261126T133000Z',
      'x-amz-content-sha256': 'c96a74e0de23eef5dcb806c85ae7cd71cf8e88ba3ba17b61a53a4145592ee676',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/us-west-2/meshconsole/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=6aa2b7fa7389c9c110229fb6a06a7d4f3ada79c9303cfa4a375ca7214f051d92',
    });
  });
});
