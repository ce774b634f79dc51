// Minimal types for fontkit 2 (a dependency of pdfkit; it ships no declarations and there is
// no @types package). Only what the document engine uses.
declare module 'fontkit' {
  export interface GlyphPath {
    toSVG(): string;
  }
  export interface Glyph {
    readonly id: number;
    readonly advanceWidth: number;
    readonly path: GlyphPath;
  }
  export interface GlyphRun {
    readonly advanceWidth: number;
  }
  export interface Font {
    readonly postscriptName: string;
    readonly familyName: string;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly lineGap: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    layout(text: string): GlyphRun;
  }
  export interface FontCollection {
    readonly fonts: Font[];
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
