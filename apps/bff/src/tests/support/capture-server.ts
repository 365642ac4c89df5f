import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request exactly as it arrived on the wire. */
export interface CapturedRequest {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer;
}

export interface CaptureServer {
  endpoint: string;
  requests: CapturedRequest[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface CannedResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/**
 * A bare HTTP server that records every request (method, original URL, raw headers, raw body)
 * and answers with `respond(request)` (default: 200 `{}`). It stands in for a remote App Mesh
 * endpoint when capturing what real AWS clients send.
 */
export async function startCaptureServer(
  respond: (req: CapturedRequest) => CannedResponse = () => ({ status: 200, body: '{}' }),
): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const captured = { method: req.method ?? 'GET', url: req.url ?? '/', rawHeaders: req.rawHeaders, body };
      requests.push(captured);
      const answer = respond(captured);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
