import { pino, type Logger } from 'pino';

/** Structured JSON logs. Secrets never reach them: the redact list is the last line of defence. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'giggatek' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ['password', '*.password', '*.new_password', '*.current_password', 'token', '*.token', '*.refresh_token', 'req.headers.authorization', 'req.headers.cookie'],
      censor: '[redacted]',
    },
  });
}
