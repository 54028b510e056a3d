import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Requests Node's HTTP parser turns away before any app sees them still get the JSON error
 * envelope of SPEC §9 instead of a bare status line or a dropped connection: CONNECT (Node
 * hands it to a 'connect' listener, and closes the socket when there is none), a method the
 * parser does not know (lowercase `get`, `FOO`), headers too large, malformed request lines.
 */
export function answerParserErrorsWithEnvelope(server: Server): void {
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    endWithEnvelope(socket, 501, 'not_implemented', 'CONNECT is not implemented');
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, code, message] = parserFailure(error.code);
    endWithEnvelope(socket, status, code, message);
  });
}

function parserFailure(code: string | undefined): [number, string, string] {
  switch (code) {
    case 'HPE_INVALID_METHOD':
      return [501, 'not_implemented', 'this request method is not implemented'];
    case 'HPE_HEADER_OVERFLOW':
      return [431, 'headers_too_large', 'request headers are too large'];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'request_timeout', 'the request took too long to arrive'];
    default:
      return [400, 'bad_request', 'the request is not well-formed HTTP'];
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
  501: 'Not Implemented',
};

function endWithEnvelope(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: message, code, request_id: randomUUID() });
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'X-Content-Type-Options: nosniff\r\n' +
      'Connection: close\r\n\r\n' +
      body,
  );
}
