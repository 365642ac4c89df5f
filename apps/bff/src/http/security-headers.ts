import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Helmet with a content security policy the Cloudscape console works under: scripts only from this
 * origin, inline styles allowed (Cloudscape sets style attributes), fonts and images also as data: URLs.
 * No upgrade-insecure-requests and no HSTS: the server speaks plain HTTP on 127.0.0.1 by default (a
 * TLS-terminating proxy in front of it should add HSTS itself).
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
}
