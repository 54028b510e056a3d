// Markdown as Prettier writes it (docs/*.md stay `prettier --check` clean when regenerated),
// and the replacement of generated regions between marker comments.

export type Align = 'left' | 'right';

/** A table with its columns padded the way Prettier pads them (at least 3 wide). */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string {
  const widths = headers.map((header, column) =>
    Math.max(3, header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells
      .map((cell, column) => {
        const width = widths[column] ?? 3;
        return align[column] === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (align[column] === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

export const code = (text: string): string => `\`${text}\``;

export function beginMarker(region: string, command: string): string {
  return `<!-- BEGIN GENERATED ${region}: written by ${command}, do not edit by hand -->`;
}

export function endMarker(region: string): string {
  return `<!-- END GENERATED ${region} -->`;
}

/**
 * The document with each region's text put between its markers (a blank line on either
 * side, as Prettier keeps it). A region whose markers are missing or out of order is an
 * error: the document's hand-written text says where each region goes.
 */
export function withRegions(document: string, regions: Readonly<Record<string, string>>, command: string): string {
  let result = document;
  for (const [region, text] of Object.entries(regions)) {
    const begin = beginMarker(region, command);
    const end = endMarker(region);
    const from = result.indexOf(begin);
    const to = result.indexOf(end);
    if (from < 0 || to < from) throw new Error(`the document has no ${begin} … ${end} region`);
    result = `${result.slice(0, from + begin.length)}\n\n${text.trim()}\n\n${result.slice(to)}`;
  }
  return result;
}
