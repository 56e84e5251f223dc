/**
 * One CSV cell, quoted as RFC 4180 wants and safe to open in a spreadsheet: a cell that starts
 * with = + - @ TAB or CR would run as a formula, so it gets a leading apostrophe.
 */
function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line (CRLF-terminated) from cells. */
export const csvLine = (cells: (string | number | null | undefined)[]) => `${cells.map(csvCell).join(',')}\r\n`;
