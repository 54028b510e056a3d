import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '@giggatek/domain';
import { StripeStubAccount, type StubAnswer } from './stripe-stub-account.js';
import { parseForm, type Form } from './stripe-stub-form.js';

/** The secret key the stub accepts; any other is refused as Stripe refuses a bad key. */
export const STUB_SECRET_KEY = 'sk_test_stub_secret_key';

/** One request as the stub saw it: enough to check what the SDK sent. */
export interface StubRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  form: Form;
}

export interface StripeStub {
  port: number;
  account: StripeStubAccount;
  requests: StubRequest[];
  close(): Promise<void>;
}

/**
 * A local HTTP stand-in for exactly the Stripe endpoints the gateway calls (stripe-mock is
 * not available): POST/GET /v1/payment_intents[/:id[/confirm]], POST /v1/refunds,
 * GET /v1/events. Bodies are form-encoded as the SDK sends them; POSTs honour
 * Idempotency-Key as Stripe does: the same key and parameters replay the first answer, the
 * same key with other parameters is a 400 idempotency_error. Started on port 0 by the test.
 */
export async function startStripeStub(clock: Clock): Promise<StripeStub> {
  const account = new StripeStubAccount(clock);
  const requests: StubRequest[] = [];
  const kept = new Map<string, { fingerprint: string; answer: StubAnswer }>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) =>
      send(res, { status: 500, body: { error: { message: String(error) } } }),
    );
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stub');
    const method = req.method ?? 'GET';
    const form = method === 'POST' ? parseForm(await bodyOf(req)) : parseForm(url.search.slice(1));
    const idempotencyKey = headerOf(req, 'idempotency-key');
    requests.push({ method, path: url.pathname, idempotencyKey, form });
    if (req.headers.authorization !== `Bearer ${STUB_SECRET_KEY}`) {
      return send(res, {
        status: 401,
        body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } },
      });
    }
    if (method !== 'POST' || idempotencyKey === null) return send(res, route(method, url.pathname, form));

    const fingerprint = `${url.pathname} ${canonical(form)}`;
    const earlier = kept.get(idempotencyKey);
    if (earlier && earlier.fingerprint !== fingerprint) {
      const message =
        'Keys for idempotent requests can only be used with the same parameters they were first used with. ' +
        `Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`;
      return send(res, { status: 400, body: { error: { type: 'idempotency_error', message } } });
    }
    if (earlier) return send(res, earlier.answer, true);
    const answer = route(method, url.pathname, form);
    // As at Stripe, a request refused before it ran (a 400/404) keeps no result.
    if (answer.status === 200 || answer.status === 402) kept.set(idempotencyKey, { fingerprint, answer });
    send(res, answer);
  }

  function route(method: string, path: string, form: Form): StubAnswer {
    const parts = path.split('/').filter((part) => part !== '');
    const [version, resource, id, action] = parts;
    if (version === 'v1' && resource === 'payment_intents') {
      if (method === 'POST' && parts.length === 2) return account.createIntent(form);
      if (method === 'GET' && id && parts.length === 3) return account.retrieveIntent(id);
      if (method === 'POST' && id && action === 'confirm' && parts.length === 4) return account.confirmIntent(id, form);
    }
    if (version === 'v1' && resource === 'refunds' && method === 'POST' && parts.length === 2) {
      return account.createRefund(form);
    }
    if (version === 'v1' && resource === 'events' && method === 'GET' && parts.length === 2) {
      return account.listEvents(form);
    }
    return {
      status: 404,
      body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } },
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    account,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; they would hold close() open.
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, answer: StubAnswer, replayed = false): void {
  res.writeHead(answer.status, {
    'Content-Type': 'application/json',
    'Request-Id': `req_stub_${Date.now().toString(36)}`,
    ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
  });
  res.end(JSON.stringify(answer.body));
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

/** The parameters with keys sorted at every level: the same request whatever the order. */
function canonical(form: Form): string {
  return JSON.stringify(form, (_key, value: unknown) =>
    typeof value === 'object' && value !== null
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
