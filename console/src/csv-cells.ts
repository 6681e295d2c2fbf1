/**
 * One cell of a CSV file, safe to open in a spreadsheet program. A cell beginning with =, +, -, @, tab or carriage
 * return is read as a formula there, which can run commands or send the sheet's data away (CSV injection), so it gets
 * a leading ' as OWASP advises: the program shows the text instead. Then it is quoted as usual when it holds a comma,
 * semicolon (the list separator of Swedish spreadsheets), quote or line break.
 */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
