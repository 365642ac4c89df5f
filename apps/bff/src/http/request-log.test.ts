import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { describe, expect, it } from 'vitest';
import type { Config } from '../config.js';
import { createLogger } from '../logger.js';
import { requestId } from './request-id.js';
import { requestLog } from './request-log.js';

/** A real Express app with the request id and log middlewares, logging into `lines`. */
async function serve(level: Config['logLevel'], lines: Array<Record<string, unknown>>) {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = express();
  app.use(requestId());
  app.use(requestLog(createLogger(level, sink)));
  app.get('/ok', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/fail', (_req, res) => {
    res.status(503).json({ ok: false });
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    get: (path: string, id: string) =>
      fetch(`${base}${path}`, { headers: { 'x-request-id': id } }).then((r) => r.text()),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

const settle = () => new Promise((ok) => setTimeout(ok, 20));

describe('requestLog', () => {
  it('when requests are answered at level info, then each gets one line with id, method, url, status and time; a 5xx at error level', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const app = await serve('info', lines);
    await app.get('/ok?x=1', 'req-ok-123');
    await app.get('/fail', 'req-fail-123');
    await settle();
    await app.close();
    const ok = lines.filter((l) => l.requestId === 'req-ok-123');
    expect(ok).toHaveLength(1);
    expect(ok[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { method: 'GET', url: '/ok?x=1' },
      res: { statusCode: 200 },
    });
    expect(typeof ok[0]?.responseTime).toBe('number');
    expect(lines.find((l) => l.requestId === 'req-fail-123')).toMatchObject({ level: 50, res: { statusCode: 503 } });
  });

  it('when the level is error, then only 5xx answers are logged; when silent, nothing is', async () => {
    const errorLines: Array<Record<string, unknown>> = [];
    const errorOnly = await serve('error', errorLines);
    await errorOnly.get('/ok', 'req-ok-456');
    await errorOnly.get('/fail', 'req-fail-456');
    await settle();
    await errorOnly.close();
    expect(errorLines.map((l) => l.requestId)).toEqual(['req-fail-456']);

    const silentLines: Array<Record<string, unknown>> = [];
    const silent = await serve('silent', silentLines);
    expect(await silent.get('/ok', 'req-ok-789')).toBe('{"ok":true}');
    await settle();
    await silent.close();
    expect(silentLines).toEqual([]);
  });
});
