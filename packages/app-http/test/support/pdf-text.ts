import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text a PDF shows, extracted by pdf.js the way a reader's copy/paste would: glyphs of the
 * embedded fonts decoded through their ToUnicode maps. Pieces drawn next to each other on one
 * line (a run in one font continued in another) are joined, a word's space apart by a space;
 * anything else (another column, another line) starts a new line.
 */
export async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false })
    .promise;
  let text = '';
  let previous: { y: number; end: number } | undefined;
  try {
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item)) continue;
        const [, , , , x = 0, y = 0] = item.transform as number[];
        const gap = previous !== undefined && Math.abs(previous.y - y) < 0.5 ? x - previous.end : undefined;
        const continues = gap !== undefined && gap > -1 && gap < 6; // a column apart is a new line
        const space = continues && gap > 1.5 && !/\s$/.test(text) && !/^\s/.test(item.str) ? ' ' : '';
        text += (continues || text === '' ? space : '\n') + item.str;
        previous = { y, end: x + item.width };
      }
      previous = undefined;
    }
  } finally {
    await document.destroy();
  }
  return text;
}

/** How many pages a PDF has. */
export async function pdfPageCount(pdf: Buffer): Promise<number> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const count = document.numPages;
  await document.destroy();
  return count;
}
