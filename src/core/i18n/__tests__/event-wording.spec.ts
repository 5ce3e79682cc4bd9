import { t } from '../translate';

/** Timeline sentences say nothing about what did not happen: no "分0期", no "满意度0分". */
describe('timeline wording of absent details', () => {
  it('names instalments only when an agreement is paid in several', () => {
    const signed = (instalments: number) => ({ hasAmount: 'yes', amount: '20,000元', instalments });
    expect(t('zh-CN', 'event.AGREEMENT_SIGNED', signed(0))).toBe('签订调解协议（20,000元）');
    expect(t('zh-CN', 'event.AGREEMENT_SIGNED', signed(1))).toBe('签订调解协议（20,000元）');
    expect(t('zh-CN', 'event.AGREEMENT_SIGNED', signed(2))).toBe('签订调解协议（20,000元，分2期）');
    expect(t('en', 'event.AGREEMENT_SIGNED', signed(0))).toBe('Mediation agreement signed (20,000元)');
    expect(t('en', 'event.AGREEMENT_SIGNED', signed(3))).toBe('Mediation agreement signed (20,000元, 3 instalments)');
  });

  it('gives a satisfaction score only when the visit recorded one', () => {
    const visit = (satisfaction: number) => ({ actor: '周敏', result: '满意', satisfaction });
    expect(t('zh-CN', 'event.FOLLOW_UP_COMPLETED', visit(0))).toBe('周敏完成回访：满意');
    expect(t('zh-CN', 'event.FOLLOW_UP_COMPLETED', visit(5))).toBe('周敏完成回访：满意，满意度5分');
    expect(t('en', 'event.FOLLOW_UP_COMPLETED', visit(4))).toBe(
      '周敏 completed the follow-up visit: 满意, satisfaction 4 of 5',
    );
  });
});
