import dayjs from 'dayjs';
import type { MediationMethod, MediationWay } from './gql/graphql';

/** Plain words for the codes the resident API answers with (its own texts come already worded). */
export const WAY_WORDS: Record<MediationWay, string> = {
  AT_CENTER: '到中心调解',
  ONLINE: '线上视频调解',
  AT_VILLAGE: '到村（社区）调解',
};

export const METHOD_WORDS: Record<MediationMethod, string> = {
  FACE_TO_FACE: '面对面调解',
  ONLINE: '线上调解',
  PHONE: '电话调解',
  BACK_TO_BACK: '背靠背调解',
  EXPERT_CONSULTATION: '专家会商',
};

/** 11月30日 周一 09:00 — the way a phone shows a date to someone in China. */
export const when = (iso: string) => dayjs(iso).format('M月D日 ddd HH:mm');
export const day = (iso: string) => dayjs(iso).format('YYYY年M月D日');
export const dayAndTime = (iso: string) => dayjs(iso).format('YYYY年M月D日 HH:mm');
