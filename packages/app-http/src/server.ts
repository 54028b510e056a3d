import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isHttpsUrl } from '@giggatek/adapters';
import { createAdminApp } from '@giggatek/app-admin';
import type { Logger } from 'pino';
import { createAccountApp } from './account-pages/account-app.js';
import { createApiApp } from './api-app.js';
import type { ApiServices } from './api-services.js';
import { answerParserErrorsWithEnvelope } from './socket-errors.js';

export interface ServerOptions {
  logger: Logger;
  trustProxy: boolean;
}

/**
 * The public API, the account pages and the staff admin on one port: /admin goes to the
 * admin, /account to the pages the links in emails open, the rest to the API.
 */
export function createHttpServer(services: ApiServices, options: ServerOptions): Server {
  const api = createApiApp(services, options).callback();
  const admin = createAdminApp({ version: services.version, hsts: isHttpsUrl(services.publicUrl) }).callback();
  const account = createAccountApp({ ...services, ...options }).callback();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (url === '/') {
      res.writeHead(302, { Location: '/admin' }).end();
      return;
    }
    const handler = isUnder(url, '/admin') ? admin : isUnder(url, '/account') ? account : api;
    void handler(req, res);
  });
  answerParserErrorsWithEnvelope(server);
  return server;
}

function isUnder(url: string, prefix: string): boolean {
  return url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`);
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
