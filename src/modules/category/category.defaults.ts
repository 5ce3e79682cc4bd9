import type { RiskLevel } from './category.entity';

interface DefaultCategory {
  code: string;
  name: string;
  risk: RiskLevel;
  children?: DefaultCategory[];
}

/**
 * The dispute categories the reports name (DOMAIN.md), grouped as centers file them.
 * Risk follows the reports' grading: group wage disputes and medical disputes are where
 * conflicts escalate; neighbour noise is settled on the spot.
 */
export const DEFAULT_CATEGORIES: DefaultCategory[] = [
  {
    code: 'labor',
    name: '劳动争议',
    risk: 'MEDIUM',
    children: [
      { code: 'labor-wages', name: '拖欠工资', risk: 'MEDIUM' },
      { code: 'labor-dismissal', name: '解除劳动关系补偿', risk: 'MEDIUM' },
      { code: 'labor-piece-rate', name: '计件工资', risk: 'LOW' },
    ],
  },
  {
    code: 'lease',
    name: '租赁纠纷',
    risk: 'LOW',
    children: [
      { code: 'lease-rent', name: '房屋租赁', risk: 'LOW' },
      { code: 'lease-shop-renewal', name: '商铺续租及装修损失', risk: 'MEDIUM' },
    ],
  },
  {
    code: 'neighbourhood',
    name: '邻里纠纷',
    risk: 'LOW',
    children: [
      { code: 'neighbourhood-noise', name: '噪音扰民', risk: 'LOW' },
      { code: 'neighbourhood-property-damage', name: '财产损害', risk: 'LOW' },
    ],
  },
  { code: 'family', name: '婚姻家庭纠纷', risk: 'LOW' },
  { code: 'consumer', name: '消费纠纷', risk: 'LOW' },
  {
    code: 'contract',
    name: '合同纠纷',
    risk: 'MEDIUM',
    children: [
      { code: 'contract-processing-quality', name: '加工承揽质量', risk: 'LOW' },
      { code: 'contract-commercial', name: '商事合同', risk: 'MEDIUM' },
      { code: 'contract-enterprise', name: '企业纠纷', risk: 'MEDIUM' },
    ],
  },
  { code: 'land', name: '土地山林权属及地界', risk: 'HIGH' },
  { code: 'traffic', name: '交通事故', risk: 'LOW' },
  { code: 'finance', name: '金融借贷及担保', risk: 'MEDIUM' },
  { code: 'medical', name: '医疗纠纷', risk: 'HIGH' },
];
