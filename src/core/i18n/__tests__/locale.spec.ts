import { negotiateLocale } from '../locale';
import { formatMoney, formatTime } from '../translate';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR,en;q=0.5', 'en'],
    ['en;q=0.3,zh;q=0.7', 'zh-CN'],
    ['de', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
  ])('reads %p as %p', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});

describe('values inside sentences', () => {
  it('shows an instant in the given zone in each language', () => {
    const at = new Date('2026-11-27T08:56:11.078Z');
    expect(formatTime('zh-CN', at, 'Asia/Shanghai')).toBe('2026年11月27日 16:56');
    expect(formatTime('en', at, 'Asia/Shanghai')).toBe('Nov 27, 2026, 4:56 PM');
    expect(formatTime('zh-CN', at, 'Asia/Urumqi')).toBe('2026年11月27日 14:56');
  });

  it('shows yuan without a float ever touching the amount', () => {
    expect(formatMoney('zh-CN', '3500.00')).toBe('3,500元');
    expect(formatMoney('zh-CN', '1234567.5')).toBe('1,234,567.50元');
    expect(formatMoney('en', '3500')).toBe('¥3,500.00');
  });
});
