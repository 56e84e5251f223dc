import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

/** Security headers, with a CSP the built web app passes: no inline script, nothing off-site. */
export default fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Served over plain HTTP on a laptop; a TLS-terminating proxy sets HSTS in production.
      strictTransportSecurity: false,
    });
  },
  { name: 'helmet' },
);
