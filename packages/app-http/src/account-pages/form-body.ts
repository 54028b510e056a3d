import type { Context } from 'koa';
import getRawBody from 'raw-body';
import { HttpError } from '../http-error.js';

const MAX_FORM_BYTES = 16 * 1024;

/** The fields of an application/x-www-form-urlencoded body (empty for any other type). */
export async function readForm(ctx: Context): Promise<Record<string, string>> {
  if (!ctx.is('application/x-www-form-urlencoded')) return {};
  let raw: string;
  try {
    raw = await getRawBody(ctx.req, { limit: MAX_FORM_BYTES, encoding: 'utf8' });
  } catch (error) {
    if ((error as { type?: string }).type === 'entity.too.large') {
      throw new HttpError(413, 'payload_too_large', 'The form is larger than this page accepts.');
    }
    throw new HttpError(400, 'invalid_body', 'The form could not be read.');
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(raw)) fields[name] ??= value;
  return fields;
}
