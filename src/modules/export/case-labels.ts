import type { RiskLevel } from '../category/category.entity';
import type { Channel, WarningLevel } from '../case/case.entity';
import type { CaseStatus } from '../case/case.states';

/** The words the centers' own ledgers (台账) use; English exports keep the API's enum values. */
export const STATUS_ZH: Record<CaseStatus, string> = {
  REPORTED: '待受理',
  ACCEPTED: '已受理',
  REJECTED: '不予受理',
  DISPATCHED: '已交办',
  IN_PROGRESS: '办理中',
  ESCALATED: '已提级',
  RESOLVED: '已化解',
  REFERRED: '已转办',
  UNRESOLVED: '未化解',
  FOLLOW_UP: '回访中',
  CLOSED: '已办结',
  MERGED: '已合并',
};

export const RISK_ZH: Record<RiskLevel, string> = { LOW: '低', MEDIUM: '中', HIGH: '高', MAJOR: '重大' };

export const WARNING_ZH: Record<WarningLevel, string> = { NONE: '无', GREEN: '绿色', YELLOW: '黄色', RED: '红色' };

export const CHANNEL_ZH: Record<Channel, string> = {
  WALK_IN: '来访',
  HOTLINE: '热线电话',
  HOTLINE_12345: '12345热线',
  POLICE_110: '110警情',
  MINI_PROGRAM: '小程序',
  QR_CODE: '扫码上报',
  GRID_WORKER: '网格员上报',
  PATROL: '巡查发现',
  COURT_DIVERSION: '法院诉前分流',
  PETITION: '信访',
  REFERRAL: '部门移送',
};
