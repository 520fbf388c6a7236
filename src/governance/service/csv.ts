/** RFC 4180 CSV, with spreadsheet formula injection neutralised (a cell never starts a formula). */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `${[header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}

function cell(value: unknown): string {
  let text: string;
  if (value === undefined || value === null) text = "";
  else if (Array.isArray(value)) text = value.join("; ");
  else text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
