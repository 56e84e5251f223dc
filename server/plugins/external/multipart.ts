import multipart from '@fastify/multipart';
import fp from 'fastify-plugin';

/** Uploads stream through; only the file part may be large. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export default fp(
  async (app) => {
    await app.register(multipart, {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 12 },
    });
  },
  { name: 'multipart' },
);
