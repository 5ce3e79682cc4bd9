/** What Zhili's days are made of (issue 17, "Demo data"): kinds of dispute, names, places, hours. */

/**
 * What Zhili's reports describe, with the months each kind of dispute crowds in (1 = January):
 * wage arrears before the Spring Festival, leases and job changes after it, processing quality in
 * the autumn-winter order season, noise and leaks in summer, land before spring planting.
 */
export const KINDS: { code: string; weight: number; peak: Record<number, number>; titles: string[] }[] = [
  {
    code: 'labor-wages',
    weight: 14,
    peak: { 12: 3, 1: 4, 2: 2, 6: 1.3 },
    titles: [
      '童装加工厂拖欠车工工资',
      '年底工资未结清',
      '包工头拖欠缝纫工工资',
      '服装厂停工欠薪',
      '印花厂拖欠临时工工资',
    ],
  },
  {
    code: 'labor-piece-rate',
    weight: 7,
    peak: { 3: 2, 7: 1.5, 8: 1.5, 9: 1.5 },
    titles: ['计件工价结算争议', '返工扣款引发计件工资纠纷', '旺季计件单价争议'],
  },
  {
    code: 'labor-dismissal',
    weight: 5,
    peak: { 2: 1.5, 3: 1.5, 11: 1.5, 12: 1.5 },
    titles: ['辞退补偿纠纷', '试用期解除劳动关系争议', '工伤后辞退补偿纠纷'],
  },
  {
    code: 'lease-rent',
    weight: 8,
    peak: { 2: 2, 3: 2, 7: 1.3 },
    titles: ['出租房押金退还纠纷', '群租房租金纠纷', '提前退租违约金争议'],
  },
  {
    code: 'lease-shop-renewal',
    weight: 4,
    peak: { 2: 2, 3: 2, 8: 1.3 },
    titles: ['商铺续租及装修损失纠纷', '直播间店面转租纠纷', '门面房涨租纠纷'],
  },
  {
    code: 'contract-processing-quality',
    weight: 9,
    peak: { 8: 2, 9: 2, 10: 2, 3: 1.5, 4: 1.5 },
    titles: ['童装加工质量纠纷', '羽绒服充绒量不足引发加工纠纷', '印花脱色退货纠纷', '加工户交货延误纠纷'],
  },
  {
    code: 'contract-commercial',
    weight: 6,
    peak: { 12: 2, 1: 2 },
    titles: ['面料货款纠纷', '辅料货款结算纠纷', '直播带货佣金纠纷'],
  },
  {
    code: 'neighbourhood-noise',
    weight: 6,
    peak: { 6: 2, 7: 2, 8: 2, 9: 1.5 },
    titles: ['夜间加工噪音扰民', '商铺高音喇叭扰民', '直播间深夜喧哗扰民'],
  },
  {
    code: 'neighbourhood-property-damage',
    weight: 4,
    peak: { 6: 2, 7: 2 },
    titles: ['楼上漏水损坏财物', '梅雨季屋顶渗水纠纷', '装修损坏邻居墙体'],
  },
  { code: 'land', weight: 3, peak: { 3: 2, 4: 2, 10: 1.5 }, titles: ['宅基地地界纠纷', '承包田边界纠纷'] },
  { code: 'family', weight: 3, peak: { 2: 2, 10: 1.3 }, titles: ['赡养费纠纷', '婚姻家庭矛盾'] },
  { code: 'consumer', weight: 3, peak: { 11: 1.5, 6: 1.3 }, titles: ['网购童装退货纠纷', '预付卡退费纠纷'] },
  {
    code: 'traffic',
    weight: 4,
    peak: { 7: 1.5, 8: 1.5, 12: 1.3, 1: 1.3 },
    titles: ['电动车碰撞赔偿', '货车剐蹭赔偿纠纷'],
  },
  { code: 'finance', weight: 2, peak: { 12: 1.5, 1: 1.5 }, titles: ['民间借贷纠纷', '担保借款纠纷'] },
];

export const SURNAMES = '张王李赵刘陈杨黄周吴徐孙朱马胡郭何高林罗沈钱蒋邱陆姚潘';
/** Where in the town: roads of the children's-wear quarter and its villages. */
export const PLACES = [
  '大河路',
  '珠江路',
  '康泰路',
  '栋梁路',
  '吴兴大道',
  '富民路',
  '织里南路',
  '利济路',
  '秦家港',
  '晓河村',
  '东尼村',
  '轧村',
  '漾西',
  '太湖村',
];
export const FIRMS = ['某童装厂', '某服饰有限公司', '某印花厂', '某面料行', '某电商公司', '某绣花厂'];

/** Reporting hours at the window (8:00–16:59): a morning and an afternoon peak. */
export const HOURS: [number, number][] = [
  [8, 1],
  [9, 3],
  [10, 3],
  [11, 2],
  [12, 1],
  [13, 2],
  [14, 3],
  [15, 3],
  [16, 2],
];
