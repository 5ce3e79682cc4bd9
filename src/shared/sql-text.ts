/**
 * Driver errors quote the failing SQL with its values inlined (a party's phone in an insert).
 * Logs and trace spans keep the statement's shape and drop every quoted literal.
 */
export function scrubSql(text: string): string {
  return text.replace(/'(?:[^']|'')*'/g, "'…'");
}
