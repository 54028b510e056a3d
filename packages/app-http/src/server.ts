import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createAdminApp } from '@giggatek/app-admin';
import type { Logger } from 'pino';
import { createApiApp } from './api-app.js';
import type { ApiServices } from './api-services.js';
import { answerParserErrorsWithEnvelope } from './socket-errors.js';

export interface ServerOptions {
  logger: Logger;
  trustProxy: boolean;
}

/** The public API and the staff admin on one port: /admin goes to the admin, the rest to the API. */
export function createHttpServer(services: ApiServices, options: ServerOptions): Server {
  const api = createApiApp(services, options).callback();
  const admin = createAdminApp({ version: services.version }).callback();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (url === '/') {
      res.writeHead(302, { Location: '/admin' }).end();
      return;
    }
    const handler = url === '/admin' || url.startsWith('/admin/') || url.startsWith('/admin?') ? admin : api;
    void handler(req, res);
  });
  answerParserErrorsWithEnvelope(server);
  return server;
}

export function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : port);
    });
  });
}
