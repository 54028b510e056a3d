/**
 * An error raised by the HTTP layer itself (malformed JSON, wrong content type, body
 * too large, unknown route, missing token). Domain failures are DomainErrors instead.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
