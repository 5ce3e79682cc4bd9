const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/;
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** W3C trace ids (32 hex digits) and span ids (16), as Jaeger and traceparent write them */
const TRACE_IDS = /(?<![0-9A-Za-z])(?:[0-9a-f]{32}|[0-9a-f]{16})(?![0-9A-Za-z])/g;

/**
 * The first mainland mobile number or resident ID number in a text, with what surrounds it, or
 * null. Ids are not personal data, but a UUID's hex groups can hold eleven decimal digits in a
 * row ("…-a16298340153"), so UUIDs are taken out first; so can trace and span ids
 * ("…cad3174c15…" ran into one in a Jaeger trace), taken out likewise.
 */
export function personalDataIn(text: string): { match: string; around: string } | null {
  const plain = text.replace(UUIDS, '<uuid>').replace(TRACE_IDS, '<trace-id>');
  const m = PHONE.exec(plain) ?? ID_NUMBER.exec(plain);
  return m ? { match: m[0], around: plain.slice(Math.max(0, m.index - 120), m.index + m[0].length + 40) } : null;
}

export { PHONE };
