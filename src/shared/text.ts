/**
 * C0 controls other than tab, line feed and carriage return. PostgreSQL cannot store NUL in
 * text at all (the statement fails); the others have no place in a dispute record and break
 * what reads it back (XML 1.0, so XLSX exports, forbids them).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** In `u` mode a surrogate pair is one code point, so only a lone surrogate matches. */
const LONE_SURROGATE_RE = /[\uD800-\uDFFF]/u;

/** What makes text from a client unstorable, or null; callers word it in their reader's language. */
export function unstorableKind(value: string): 'control' | 'surrogate' | null {
  if (CONTROL_RE.test(value)) return 'control';
  if (LONE_SURROGATE_RE.test(value)) return 'surrogate';
  return null;
}
