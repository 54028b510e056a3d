import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** `user:password` the client authenticated with, or null. */
  auth: string | null;
  from: string;
  to: string[];
  data: string;
}

/**
 * A real SMTP server (the `smtp-server` package) on an ephemeral localhost port that
 * keeps every message it accepts. Plain text, AUTH PLAIN/LOGIN allowed without TLS.
 */
export async function startSmtpTestServer(): Promise<{
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, session, callback) {
      callback(null, { user: `${auth.username ?? ''}:${auth.password ?? ''}` });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          auth: typeof session.user === 'string' ? session.user : null,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
