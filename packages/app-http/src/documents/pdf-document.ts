import { formatMoney } from '@giggatek/domain';
import PDFDocument from 'pdfkit';
import { fontChain, textRuns, type FontWeight } from './fonts.js';

/** Who issues a document (printed in its header and footer). */
export interface ShopIdentity {
  name: string;
  addressLine: string;
  contactLine: string;
}

export const GIGGATEK: ShopIdentity = {
  name: 'GigGatek',
  addressLine: 'Refurbished computer hardware · 100 Market Street, Austin, TX 78701, US',
  contactLine: 'support@giggatek.com · +1 512 555 0100',
};

export interface DocumentOptions {
  /** The document's title: in the PDF's metadata and in every page's footer. */
  title: string;
  /** When the document was made (from the Clock); stored in the PDF's metadata. */
  issuedAt: Date;
  shop?: ShopIdentity;
}

export interface TextStyle {
  weight?: FontWeight;
  size?: number;
  color?: string;
  width?: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableColumn {
  title: string;
  x: number;
  width: number;
  align?: 'left' | 'right';
}

export interface MoneyLine {
  label: string;
  amount: number;
  bold?: boolean;
}

const MARGIN = 50;
const GREY = '#555555';
/** Content stops here so the footer (page numbers) always has room. */
const CONTENT_BOTTOM = 842 - 90;

/**
 * The one PDF document helper: an A4 pdfkit document with the embedded Unicode fonts and the
 * shared layout (shop header, heading, label/value lines, a table that continues on further
 * pages, money totals, a footer with page numbers). Receipts, contracts and report exports are
 * all written through it, so every text goes through the same font chain.
 */
export class PdfDocumentWriter {
  readonly left = MARGIN;
  readonly right = 595 - MARGIN;
  private readonly doc: PDFKit.PDFDocument;
  private readonly shop: ShopIdentity;
  private readonly title: string;
  private readonly done: Promise<Buffer>;

  constructor(options: DocumentOptions) {
    this.shop = options.shop ?? GIGGATEK;
    this.title = options.title;
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true, // the footer numbers pages once their count is known
      info: { Title: options.title, Author: this.shop.name, CreationDate: options.issuedAt },
    });
    for (const weight of ['regular', 'bold'] as const) {
      // pdfkit accepts a fontkit font object here, which its types do not list.
      for (const font of fontChain(weight)) this.doc.registerFont(font.name, font.glyphs as unknown as Uint8Array);
    }
    this.done = collect(this.doc);
  }

  get y(): number {
    return this.doc.y;
  }

  get shopName(): string {
    return this.shop.name;
  }

  /** Continues at the left margin, at height y (below side-by-side blocks). */
  moveTo(y: number): void {
    this.doc.x = this.left;
    this.doc.y = y;
  }

  /** Writes text at (x, y), or where the last text ended, choosing a font per run of characters. */
  text(text: string, style: TextStyle = {}, at?: { x: number; y: number }): void {
    const chain = fontChain(style.weight ?? 'regular');
    const runs = textRuns(text, chain);
    const [primary] = chain;
    if (runs.length === 0 || primary === undefined) return;
    const size = style.size ?? 10;
    this.doc.fontSize(size).fillColor(style.color ?? 'black');
    // Every run sits on the primary font's baseline: by default pdfkit drops each run by its own
    // font's ascent, and the CJK font's is taller, so a name would step up and down mid-line.
    const baseline = -(primary.glyphs.ascent / primary.glyphs.unitsPerEm) * size;
    const options: PDFKit.Mixins.TextOptions = { lineBreak: true, baseline };
    if (style.width !== undefined) options.width = style.width;
    if (style.align !== undefined) options.align = style.align;
    runs.forEach((run, index) => {
      this.doc.font(run.font.name);
      const runOptions = { ...options, continued: index < runs.length - 1 };
      if (index === 0 && at !== undefined) this.doc.text(run.text, at.x, at.y, runOptions);
      else this.doc.text(run.text, runOptions);
    });
    this.doc.fillColor('black');
  }

  /** The shop's name, address and contact line. */
  header(): void {
    this.text(this.shop.name, { weight: 'bold', size: 20 }, { x: this.left, y: MARGIN });
    this.text(this.shop.addressLine, { size: 9, color: GREY });
    this.text(this.shop.contactLine, { size: 9, color: GREY });
    this.space(1.5);
  }

  heading(text: string): void {
    this.text(text, { weight: 'bold', size: 14 }, { x: this.left, y: this.doc.y });
  }

  /** Lines of plain text, one under the other. */
  lines(lines: readonly string[], style: TextStyle = {}): void {
    for (const line of lines) this.text(line, style, { x: this.left, y: this.doc.y });
  }

  /** A titled block of lines (an address) at x, y; returns where it ends. */
  block(title: string, lines: readonly string[], at: { x: number; y: number }, width: number): number {
    this.text(title, { weight: 'bold', width }, at);
    for (const line of lines) this.text(line, { width }, { x: at.x, y: this.doc.y });
    return this.doc.y;
  }

  /** A table with a header row, repeated on every page the rows run onto. */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): void {
    this.space();
    this.row(
      columns,
      columns.map((column) => column.title),
      'bold',
    );
    this.rule();
    for (const cells of rows) {
      if (this.doc.y > CONTENT_BOTTOM) {
        this.doc.addPage();
        this.row(
          columns,
          columns.map((column) => column.title),
          'bold',
        );
        this.rule();
      }
      this.row(columns, cells, 'regular');
    }
    this.rule();
    this.space(0.5);
  }

  /** Labelled amounts (subtotal, tax, total…), right-aligned in the money column. */
  moneyLines(lines: readonly MoneyLine[], labelX: number, amountX: number): void {
    if (this.doc.y + lines.length * 16 > CONTENT_BOTTOM) this.doc.addPage();
    for (const line of lines) {
      const y = this.doc.y;
      const style: TextStyle = { weight: line.bold === true ? 'bold' : 'regular', size: line.bold === true ? 12 : 10 };
      this.text(line.label, { ...style, width: amountX - labelX - 10, align: 'right' }, { x: labelX, y });
      this.text(formatMoney(line.amount), { ...style, width: this.right - amountX, align: 'right' }, { x: amountX, y });
    }
    this.doc.x = this.left;
  }

  /** A titled part (a contract's clause): a bold title kept with its first lines, then paragraphs wrapped at the margins. */
  section(title: string, paragraphs: readonly string[]): void {
    if (this.doc.y + 60 > CONTENT_BOTTOM) this.doc.addPage();
    else this.space(0.5);
    this.text(title, { weight: 'bold', size: 11 }, { x: this.left, y: this.doc.y });
    const width = this.right - this.left;
    for (const paragraph of paragraphs) this.text(paragraph, { width }, { x: this.left, y: this.doc.y });
  }

  /** Small grey lines (payment notes, thanks). */
  note(lines: readonly string[]): void {
    if (this.doc.y + lines.length * 14 > CONTENT_BOTTOM) this.doc.addPage();
    this.lines(lines, { size: 9, color: GREY });
  }

  space(lines = 1): void {
    this.doc.moveDown(lines);
  }

  /** Numbers every page in its footer and answers the finished PDF. */
  finish(): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let index = start; index < start + count; index += 1) {
      this.doc.switchToPage(index);
      const page = this.doc.page;
      const bottomMargin = page.margins.bottom;
      page.margins.bottom = 0; // writing below the bottom margin would otherwise open a new page
      this.text(
        `${this.shop.name} · ${this.title} · Page ${index - start + 1} of ${count}`,
        { size: 8, color: GREY, width: this.right - this.left, align: 'center' },
        { x: this.left, y: page.height - 40 },
      );
      page.margins.bottom = bottomMargin;
    }
    this.doc.end();
    return this.done;
  }

  private row(columns: readonly TableColumn[], cells: readonly string[], weight: FontWeight): void {
    const y = this.doc.y;
    let bottom = y;
    columns.forEach((column, index) => {
      this.text(cells[index] ?? '', { weight, width: column.width, align: column.align ?? 'left' }, { x: column.x, y });
      bottom = Math.max(bottom, this.doc.y);
    });
    this.doc.x = this.left;
    this.doc.y = bottom + 4;
  }

  private rule(): void {
    this.doc.moveTo(this.left, this.doc.y).lineTo(this.right, this.doc.y).stroke();
    this.doc.moveDown(0.3);
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolveBuffer, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolveBuffer(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
