import { describe, expect, it } from 'vitest';
import { fontChain, MISSING_GLYPH, textRuns } from '../src/documents/fonts.js';

describe('the document font chain', () => {
  const chain = fontChain('regular');
  const runs = (text: string) => textRuns(text, chain).map((run) => [run.font.name, run.text]);

  it('draws Latin (with every diacritic), Greek and Cyrillic in the Latin font, CJK in the CJK font', () => {
    expect(runs('Łódź Őrs Ωμέγα Привет')).toEqual([['regular-0', 'Łódź Őrs Ωμέγα Привет']]);
    expect(runs('Zoë 王小明, 東京都 1-2-3')).toEqual([
      ['regular-0', 'Zoë '],
      ['regular-1', '王小明'],
      ['regular-0', ', '],
      ['regular-1', '東京都 '],
      ['regular-0', '1-2-3'],
    ]);
  });

  it('shows a visible placeholder for what no font has, and drops invisible selectors no font has', () => {
    expect(
      runs('a😀b')
        .map(([, text]) => text)
        .join(''),
    ).toBe(`a${MISSING_GLYPH}b`);
    const joined = runs('👩‍💻\uFE0F!')
      .map(([, text]) => text)
      .join('');
    expect(joined.replace(/\u200D/g, '')).toBe(`${MISSING_GLYPH}${MISSING_GLYPH}!`); // the font has a (blank) joiner
    expect(runs('e\u0301')).toEqual([['regular-0', 'e\u0301']]);
    expect(runs('')).toEqual([]);
  });
});
