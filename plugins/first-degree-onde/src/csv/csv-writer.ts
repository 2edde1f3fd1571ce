/**
 * Writes rows as `;`-separated text with CRLF line ends (FORMAT.md §9.2): a field is quoted
 * only when it holds `;`, `"`, CR or LF, with inner quotes doubled. Every row ends with CRLF,
 * the last one included, so that concatenated files and line counts behave.
 */
export function writeCsv(rows: readonly (readonly string[])[], separator = ';'): string {
  return rows.map((row) => row.map((value) => quote(value, separator)).join(separator) + '\r\n').join('');
}

function quote(value: string, separator: string): string {
  if (value.includes(separator) || value.includes('"') || value.includes('\r') || value.includes('\n')) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}
