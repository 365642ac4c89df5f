import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { RequestHandler } from 'express';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text assets worth compressing (images and fonts in the build are compressed already). */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.svg', '.json', '.map', '.txt', '.html']);
/** A hashed asset file name: one path segment, no traversal, nothing to decode. */
const ASSET_NAME = /^\/[A-Za-z0-9][A-Za-z0-9._-]*$/;

type Encoding = 'br' | 'gzip';

interface Compressed {
  mtimeMs: number;
  size: number;
  /** undefined when compressing does not make the file smaller */
  br: Buffer | undefined;
  gzip: Buffer | undefined;
}

/** The best encoding the client accepts: brotli, then gzip (a `;q=0` refuses one). */
export function acceptedEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const accepted = new Set<string>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}

/**
 * Serves the console's hashed text assets compressed (brotli or gzip, as the browser accepts), each
 * file compressed once, off the event loop, and kept in memory while its size and mtime stay the same.
 * Anything else (other files, Range requests, clients without an encoding, missing files) falls
 * through to express.static, unchanged.
 */
export function compressedAssets(dir: string, headers: Record<string, string>): RequestHandler {
  const cache = new Map<string, Promise<Compressed>>();

  const load = async (file: string): Promise<Compressed | undefined> => {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(file);
    } catch {
      cache.delete(file);
      return undefined;
    }
    if (!info.isFile()) return undefined;
    const cached = cache.get(file);
    if (cached) {
      const entry = await cached;
      if (entry.mtimeMs === info.mtimeMs && entry.size === info.size) return entry;
    }
    const pending = (async (): Promise<Compressed> => {
      const raw = await readFile(file);
      const [br, gz] = await Promise.all([
        brotli(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 9,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        }),
        gzipAsync(raw, { level: 9 }),
      ]);
      return {
        mtimeMs: info.mtimeMs,
        size: info.size,
        br: br.length < raw.length ? br : undefined,
        gzip: gz.length < raw.length ? gz : undefined,
      };
    })();
    cache.set(file, pending);
    pending.catch(() => cache.delete(file));
    return pending;
  };

  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.range) return next();
    const name = req.path;
    if (!ASSET_NAME.test(name) || !COMPRESSIBLE.has(extname(name).toLowerCase())) return next();
    // The answer depends on Accept-Encoding whichever way it goes, so caches must keep them apart.
    res.vary('Accept-Encoding');
    const encoding = acceptedEncoding(req.headers['accept-encoding']);
    if (!encoding) return next();
    load(join(dir, name.slice(1))).then(
      (entry) => {
        const body = entry?.[encoding];
        if (!entry || !body) return next();
        res.type(extname(name));
        for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
        res.setHeader('Content-Encoding', encoding);
        res.setHeader('Content-Length', String(body.length));
        res.setHeader('Last-Modified', new Date(entry.mtimeMs).toUTCString());
        if (req.method === 'HEAD') res.end();
        else res.end(body);
      },
      (err: unknown) => next(err),
    );
  };
}
