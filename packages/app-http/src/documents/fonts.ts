import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

/**
 * The embedded Unicode fonts every document uses, shipped as npm packages (never fetched at
 * run time): Noto Sans for Latin (all of Latin Extended), Greek and Cyrillic, then Noto Sans SC
 * for Chinese, Japanese kana and kanji. No single packaged file covers both (Noto Sans SC lacks
 * letters such as ł and Ő), so text is cut into runs, each drawn in the first font of the chain
 * that has its glyphs. pdfkit embeds only the fonts a document uses, subset to its glyphs.
 */
export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, readonly string[]> = {
  regular: [
    '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  ],
  bold: [
    '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
    '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  ],
};

/** Drawn instead of a character no font has (an emoji, Hangul, Arabic…): visible, never garbage. */
export const MISSING_GLYPH = '□';

export interface ChainFont {
  /** The name the font is registered under in a pdfkit document. */
  name: string;
  /**
   * The parsed font, shared by every document: pdfkit takes a fontkit font as it is, and
   * parsing the files again for each document (cmap, kerning tables) costs more than the
   * rest of a receipt. Each document still embeds its own subset.
   */
  glyphs: Font;
}

const require = createRequire(import.meta.url);
const loaded = new Map<FontWeight, readonly ChainFont[]>();

/** The fallback chain of one weight, read from the packages once per process. */
export function fontChain(weight: FontWeight): readonly ChainFont[] {
  let chain = loaded.get(weight);
  if (chain === undefined) {
    chain = FILES[weight].map((file, index) => {
      return { name: `${weight}-${index}`, glyphs: create(readFileSync(require.resolve(file))) };
    });
    loaded.set(weight, chain);
  }
  return chain;
}

export interface TextRun {
  font: ChainFont;
  text: string;
}

/**
 * Cuts text into runs of one font each. A combining mark stays with the character before it;
 * a character no font has becomes MISSING_GLYPH, and an invisible one (a joiner, a variation
 * selector) that no font has is dropped.
 */
export function textRuns(text: string, chain: readonly ChainFont[]): TextRun[] {
  const [primary] = chain;
  if (primary === undefined) throw new Error('a font chain needs at least one font');
  const runs: TextRun[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    const font = chain.find((candidate) => candidate.glyphs.hasGlyphForCodePoint(codePoint));
    const last = runs.at(-1);
    if (font === undefined) {
      if (/[\p{M}\p{Cf}]/u.test(character)) continue;
      const fallback = chain.find((candidate) =>
        candidate.glyphs.hasGlyphForCodePoint(MISSING_GLYPH.codePointAt(0) ?? 0),
      );
      append(runs, fallback ?? primary, MISSING_GLYPH);
    } else if (last !== undefined && /[\p{M}\s]/u.test(character) && last.font.glyphs.hasGlyphForCodePoint(codePoint)) {
      last.text += character; // spaces and marks never start a run of their own
    } else {
      append(runs, font, character);
    }
  }
  return runs;
}

function append(runs: TextRun[], font: ChainFont, text: string): void {
  const last = runs.at(-1);
  if (last !== undefined && last.font === font) last.text += text;
  else runs.push({ font, text });
}
