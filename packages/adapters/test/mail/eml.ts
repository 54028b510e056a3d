import { simpleParser, type AddressObject, type EmailAddress, type HeaderValue } from 'mailparser';

/** What the tests check of a message our mailers produced, read by mailparser (not by hand). */
export interface ReadEmail {
  /** The recipients' addresses. */
  to: string[];
  from: { name: string; address: string };
  subject: string;
  messageId: string;
  date: Date | undefined;
  /** The top-level MIME type, e.g. multipart/alternative. */
  contentType: string;
  mimeVersion: string;
  text: string;
  html: string;
}

export async function readEmail(raw: string | Buffer): Promise<ReadEmail> {
  const mail = await simpleParser(raw);
  return {
    to: addresses(mail.to).map((a) => a.address ?? ''),
    from: { name: mail.from?.value[0]?.name ?? '', address: mail.from?.value[0]?.address ?? '' },
    subject: mail.subject ?? '',
    messageId: mail.messageId ?? '',
    date: mail.date,
    contentType: headerValue(mail.headers.get('content-type')),
    mimeVersion: headerValue(mail.headers.get('mime-version')),
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  if (!field) return [];
  return (Array.isArray(field) ? field : [field]).flatMap((a) => a.value);
}

/** Structured headers (Content-Type) carry their value beside their parameters. */
function headerValue(header: HeaderValue | undefined): string {
  if (header === undefined) return '';
  if (typeof header === 'string') return header;
  if (typeof header === 'object' && 'value' in header && typeof header.value === 'string') return header.value;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- other shapes only show in a failed assertion
  return String(header);
}
