import dayjs from 'dayjs';
import i18n from './i18n';

/** "2天3小时" left or overdue, for deadlines; the colour comes from the API's warning level. */
export function timeLeft(dueAt: string, now = Date.now()): { text: string; overdue: boolean } {
  const ms = new Date(dueAt).getTime() - now;
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const zh = i18n.language !== 'en';
  const parts = zh
    ? [d && `${d}天`, (d || h) && `${h}小时`, !d && `${m}分钟`].filter(Boolean).join('')
    : [d && `${d}d`, (d || h) && `${h}h`, !d && `${m}m`].filter(Boolean).join(' ');
  return { text: i18n.t(ms < 0 ? 'desk.overdue' : 'desk.left', { t: parts }), overdue: ms < 0 };
}

export const fmt = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

// Strong enough for white text (WCAG AA): the red, yellow and green of the warning board.
export const WARNING_COLOR: Record<string, string> = {
  RED: '#b91c1c',
  YELLOW: '#a16207',
  GREEN: '#15803d',
  NONE: 'default',
};
