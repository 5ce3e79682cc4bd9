import { groupByLabel, groupLabel } from '../group-labels';

describe('metric group labels', () => {
  it('shows enum groups by their labels and named groups by their names', () => {
    expect(groupLabel('zh-CN', 'CHANNEL', { key: 'HOTLINE_12345', label: 'HOTLINE_12345' })).toBe('12345热线');
    expect(groupLabel('en', 'STATUS', { key: 'REPORTED', label: 'REPORTED' })).toBe('Awaiting acceptance');
    expect(groupLabel('zh-CN', 'ORG_UNIT', { key: 'b1f0…', label: '织里镇社会治理中心' })).toBe('织里镇社会治理中心');
    expect(groupLabel('zh-CN', 'CATEGORY', { key: null, label: null })).toBeNull();
    expect(groupByLabel('zh-CN', 'RISK_LEVEL')).toBe('风险等级');
  });
});
