/** Just enough RFC 5322 / MIME parsing to check what our mailers produce. */
export interface ParsedPart {
  headers: Map<string, string>;
  body: string;
}

export function parseMessage(raw: string): ParsedPart {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) throw new Error('no blank line between headers and body');
  const headerLines = raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ') // unfold continued header lines
    .split('\r\n');
  const headers = new Map<string, string>();
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`malformed header line: ${line}`);
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

/** The parts of a multipart body, each parsed and its body decoded. */
export function partsOf(message: ParsedPart): ParsedPart[] {
  const boundary = /boundary="?([^";]+)"?/.exec(message.headers.get('content-type') ?? '')?.[1];
  if (!boundary) throw new Error('not a multipart message');
  const chunks = message.body.split(`--${boundary}`);
  // chunks[0] is the preamble, the last one the epilogue after the closing `--`.
  return chunks.slice(1, -1).map((chunk) => {
    const part = parseMessage(chunk.replace(/^\r\n/, ''));
    return { headers: part.headers, body: decode(part.body, part.headers.get('content-transfer-encoding')) };
  });
}

function decode(body: string, encoding: string | undefined): string {
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
  return body;
}
