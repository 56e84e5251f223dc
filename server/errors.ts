/**
 * A 503 whose message is written for people: the error handler passes it on as is (other 5xx
 * are answered generically). For a dependency that is down, with what to do about it.
 */
export class ServiceUnavailableError extends Error {
  readonly statusCode = 503;
  readonly expose = true;
}
