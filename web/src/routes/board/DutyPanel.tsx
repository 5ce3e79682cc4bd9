import { Card, DatePicker, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { BoardDutyFragment } from '../../gql/graphql';

/** Who is at the unit now, as the API's onDuty says: resident departments while open, rotating ones on shift. */
export function DutyPanel({
  data,
  at,
  onAtChange,
}: {
  data: { present: readonly BoardDutyFragment[]; callable: readonly BoardDutyFragment[] } | null | undefined;
  /** The moment asked about; null is now. */
  at: Dayjs | null;
  onAtChange(at: Dayjs | null): void;
}) {
  const { t } = useTranslation();
  const rows = [
    ...(data?.present ?? []).map((d) => ({ d, present: true })),
    ...(data?.callable ?? []).map((d) => ({ d, present: false })),
  ];
  return (
    <Card
      size="small"
      title={at ? t('board.onDutyAt', { at: at.format('YYYY-MM-DD HH:mm') }) : t('board.onDuty')}
      data-testid="on-duty"
      data-ready={data ? 'true' : undefined}
      extra={
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          aria-label={t('board.dutyAt')}
          placeholder={t('board.dutyNow')}
          value={at}
          onChange={(v) => onAtChange(v)}
          size="small"
        />
      }
    >
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board.nobody')} />
      ) : (
        <List
          size="small"
          grid={{ gutter: 8, column: 3 }}
          dataSource={rows}
          renderItem={({ d, present }) => (
            <List.Item key={d.residency.id}>
              <Space direction="vertical" size={0}>
                <Space size={4}>
                  <Typography.Text strong>{d.residency.department.name}</Typography.Text>
                  <Tag color={present ? 'green' : 'default'}>
                    {t(`board.mode.${d.residency.mode}`)} · {t(present ? 'board.present' : 'board.callable')}
                  </Tag>
                </Space>
                {d.shift && (
                  <Typography.Text type="secondary">
                    {dayjs(d.shift.startsAt).format('HH:mm')}–{dayjs(d.shift.endsAt).format('HH:mm')}
                  </Typography.Text>
                )}
                {d.staff.length > 0 && <Typography.Text>{d.staff.map((s) => s.name).join('、')}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
