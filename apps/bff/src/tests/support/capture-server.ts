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

/**
 * A bare HTTP server that records every request (method, original URL, raw headers, raw body)
 * and answers 200 with `responseBody`. Used to capture requests signed by real AWS clients.
 */
export async function startCaptureServer(responseBody = '{}'): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', rawHeaders: req.rawHeaders, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(responseBody);
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
