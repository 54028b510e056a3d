// fontkit ships no types; this is the little of it the document helper uses (to choose a font per character).
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
    readonly ascent: number;
    readonly unitsPerEm: number;
  }
  export function create(buffer: Buffer): Font;
}
