import i18n from '../../app/i18n';

/** ISO 8601 durations as the API writes them (P15D, PT4H, P1DT2H), in words: "15个工作日", "4小时". */
export function durationWords(iso: string, mode?: string): string {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  const zh = i18n.language !== 'en';
  if (mode === 'SAME_DAY') return zh ? '当日' : 'same day';
  if (!m) return iso;
  const [, d, h, min] = m;
  const working = mode === 'WORKING';
  const parts: string[] = [];
  if (d && d !== '0')
    parts.push(zh ? `${d}个${working ? '工作日' : '自然日'}` : `${d} ${working ? 'working ' : ''}days`);
  if (h && h !== '0')
    parts.push(zh ? `${h}${working ? '个工作小时' : '小时'}` : `${h} ${working ? 'working ' : ''}hours`);
  if (min && min !== '0') parts.push(zh ? `${min}分钟` : `${min} minutes`);
  return parts.join(zh ? '' : ' ') || (zh ? '立即' : 'at once');
}

export function warningWords(p: { before?: string | null; share?: number | null }): string {
  const zh = i18n.language !== 'en';
  if (p.before)
    return zh ? `提前${durationWords(p.before).replace('个自然日', '天')}` : `${durationWords(p.before)} before`;
  if (p.share !== null && p.share !== undefined)
    return zh ? `用去${Math.round(p.share * 100)}%时限时` : `at ${Math.round(p.share * 100)}% of the time`;
  return '—';
}
