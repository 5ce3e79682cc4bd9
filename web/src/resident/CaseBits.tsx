import { Tag } from 'antd';
import type { CaseStatus } from './gql/graphql';

const DONE: CaseStatus[] = ['RESOLVED', 'FOLLOW_UP', 'CLOSED'];
const STOPPED: CaseStatus[] = ['REJECTED', 'UNRESOLVED', 'MERGED', 'REFERRED'];

// Tag colours dark enough on their pale backgrounds (antd's preset green and blue fall below 4.5:1).
export const BLUE: React.CSSProperties = { color: '#1e40af', background: '#eff6ff', borderColor: '#93c5fd' };
export const GREEN: React.CSSProperties = { color: '#1d5c0a', background: '#f0fdf4', borderColor: '#86c57a' };
export const GREY: React.CSSProperties = { color: 'rgba(0,0,0,0.75)', background: '#f5f5f5', borderColor: '#d9d9d9' };

export const ORANGE: React.CSSProperties = { color: '#7a3e00', background: '#fff4e5', borderColor: '#f0b87a' };

/** The status in the API's plain words; the colour only groups waiting, under way and done. */
export function StatusTag({ status, text }: { status: CaseStatus; text: string }) {
  const look = DONE.includes(status) ? GREEN : STOPPED.includes(status) ? GREY : BLUE;
  return <Tag style={{ ...look, fontSize: 14, marginInlineEnd: 0 }}>{text}</Tag>;
}
