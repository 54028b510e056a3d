import { inflateSync } from 'node:zlib';

/**
 * The text a PDF shows, one string per text-showing operator, read the honest way: each
 * content stream is inflated (pdfkit compresses them) and the strings of its `TJ`/`Tj`
 * operators are decoded (pdfkit writes standard-font text as hex, WinAnsi encoded).
 */
export function pdfTextRuns(pdf: Buffer): string[] {
  const runs: string[] = [];
  for (const content of contentStreams(pdf)) {
    for (const match of content.matchAll(/\[((?:[^\]\\]|\\.)*)\]\s*TJ|(<[0-9a-fA-F]*>|\((?:[^)\\]|\\.)*\))\s*Tj/g)) {
      const operands = match[1] ?? match[2] ?? '';
      runs.push([...operands.matchAll(/<([0-9a-fA-F]*)>|\(((?:[^)\\]|\\.)*)\)/g)].map(([, hex, literal]) =>
        hex !== undefined ? Buffer.from(hex, 'hex').toString('latin1') : (literal ?? '').replace(/\\(.)/g, '$1')).join(''));
    }
  }
  return runs;
}

/** All the shown text joined by newlines, for `toContain` checks. */
export function pdfText(pdf: Buffer): string {
  return pdfTextRuns(pdf).join('\n');
}

function contentStreams(pdf: Buffer): string[] {
  const streams: string[] = [];
  let from = 0;
  for (;;) {
    const start = pdf.indexOf('stream', from);
    if (start < 0) return streams;
    const dataStart = start + (pdf[start + 6] === 0x0d ? 8 : 7);
    const end = pdf.indexOf('endstream', dataStart);
    if (end < 0) return streams;
    const data = pdf.subarray(dataStart, end);
    try {
      streams.push(inflateSync(data).toString('latin1'));
    } catch {
      streams.push(data.toString('latin1')); // an uncompressed stream (or a font program)
    }
    from = end + 'endstream'.length;
  }
}
