import { currentTenant, signIn, token } from './auth';
import i18n from './i18n';

/** Query parameters as the export routes take them: the `cases` filter's own names, lists comma-joined. */
export type ExportParams = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

/**
 * A file from the API's /exports/* endpoints with the signed-in person's token (a plain link
 * would carry none): fetched, then saved from a blob under the name the server gives.
 * Returns the server's refusal message, or null when the file was saved.
 */
export async function downloadExport(
  name: string,
  format: 'csv' | 'xlsx',
  params: ExportParams,
): Promise<string | null> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    const s = Array.isArray(v) ? v.join(',') : v == null ? '' : String(v);
    if (s) q.set(k, s);
  }
  q.set('lang', i18n.language === 'en' ? 'en' : 'zh');
  const headers: Record<string, string> = {};
  const t = token();
  if (t) headers['authorization'] = `Bearer ${t}`;
  const tenant = currentTenant();
  if (tenant) headers['x-tenant-id'] = tenant;
  const res = await fetch(`/exports/${name}.${format}?${q}`, { headers });
  if (res.status === 401) {
    signIn(undefined, true);
    return null;
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return body?.error?.message ?? res.statusText;
  }
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const filename = star ? decodeURIComponent(star[1]!) : `${name}.${format}`;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}
