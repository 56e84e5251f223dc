import type { FieldErrors } from '../../common/normalize/profile-fields.js';

/**
 * A request the client must change: the error handler answers with this status and message
 * as is, so the message says what to fix and names the field.
 */
export class ClientError extends Error {
  override name = 'ClientError';
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** "body.name must be at most 120 characters; body.country must be a country…" */
export function fieldErrors(errors: FieldErrors, prefix = 'body'): ClientError | undefined {
  const messages = Object.entries(errors).map(([field, reason]) => `${prefix}.${field} ${reason}`);
  return messages.length > 0 ? new ClientError(400, messages.join('; ')) : undefined;
}
