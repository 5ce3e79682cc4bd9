import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateWorkingCalendarInput } from '../../gql/graphql';
import { CALENDAR, UPDATE_CALENDAR } from './settings-documents';
import { useSave } from './save';

type Week = { weekday: number; periods: { start: string; end: string }[] }[];

/** The week as the API gives it, every day listed so a closed day can be given hours. */
const fullWeek = (hours: Week | null | undefined): Week =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    periods: (hours?.find((h) => h.weekday === weekday)?.periods ?? []).map(({ start, end }) => ({ start, end })),
  }));

/** 工作日历: closed and make-up days over the official holidays, office hours, and how far the official data reaches. */
export default function Calendar() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(CALENDAR, { fetchPolicy: 'network-only' });
  const [update] = useMutation(UPDATE_CALENDAR);
  const save = useSave();
  const [form] = Form.useForm<{ week: Week }>();
  const cal = data?.workingCalendar;
  const weekdays = t('config.weekdays', { returnObjects: true }) as string[];
  const nextYear = new Date().getFullYear() + 1;
  useEffect(() => {
    if (cal) form.setFieldsValue({ week: fullWeek(cal.workingHours) });
  }, [cal, form]);

  const run = async (input: UpdateWorkingCalendarInput) => {
    const errors = async () => (await update({ variables: { input } })).data?.updateWorkingCalendar.userErrors;
    if (await save(errors, form, t('common.saved'))) await refetch();
  };
  const dates = (kind: 'closedDates' | 'workingDates') => {
    const list = cal?.[kind] ?? [];
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          {list.length === 0 && <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
          {list.map((d) => (
            <Tag
              key={d}
              closable
              closeIcon={<span aria-label={`${t('config.remove')} ${d}`}>×</span>}
              onClose={(e) => {
                e.preventDefault();
                void run({ [kind]: list.filter((x) => x !== d) });
              }}
            >
              {d}
            </Tag>
          ))}
        </Space>
        <DatePicker
          aria-label={t(`config.calendar.add.${kind}`)}
          placeholder={t(`config.calendar.add.${kind}`)}
          value={null}
          onChange={(v: Dayjs | null) => {
            const d = v?.format('YYYY-MM-DD');
            if (d && !list.includes(d)) void run({ [kind]: [...list, d].sort() });
          }}
        />
      </Space>
    );
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {cal && (
        <Alert
          showIcon
          type={cal.holidaysKnownUntil < nextYear ? 'warning' : 'info'}
          message={t('config.calendar.known', { year: cal.holidaysKnownUntil, source: cal.holidaySource })}
          description={
            cal.holidaysKnownUntil < nextYear ? t('config.calendar.notCovered', { year: nextYear }) : undefined
          }
          data-testid="holidays-known"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('config.calendar.closedDates')}>
            {dates('closedDates')}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('config.calendar.workingDates')}>
            {dates('workingDates')}
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={`${t('config.calendar.hours')}（${cal?.timeZone ?? ''}）`}
        extra={
          <Space>
            {!cal?.workingHours && <Tag>{t('config.calendar.defaultHours')}</Tag>}
            <Button onClick={() => void run({ resetWorkingHours: true })}>{t('config.calendar.reset')}</Button>
            <Button
              type="primary"
              onClick={async () => {
                const v = await form.validateFields();
                await run({ workingHours: v.week.filter((d) => d.periods.length) });
              }}
            >
              {t('common.save')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('config.calendar.wholeWeek')}</Typography.Paragraph>
        <Form form={form} layout="inline">
          <Form.List name="week">
            {(days) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {days.map((day, i) => (
                  <Space key={day.key} align="start" wrap>
                    <Typography.Text strong style={{ display: 'inline-block', width: 48, lineHeight: '32px' }}>
                      {weekdays[i + 1]}
                    </Typography.Text>
                    <Form.List name={[day.name, 'periods']}>
                      {(periods, { add, remove }) => (
                        <Space wrap>
                          {periods.length === 0 && (
                            <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
                              {cal?.workingHours ? t('config.calendar.closed') : t('config.calendar.byDefault')}
                            </Typography.Text>
                          )}
                          {periods.map((p) => (
                            <Space.Compact key={p.key}>
                              <Form.Item name={[p.name, 'start']} noStyle rules={[{ required: true }]}>
                                <Input style={{ width: 72 }} aria-label={`${weekdays[i + 1]} ${t('config.start')}`} />
                              </Form.Item>
                              <Form.Item name={[p.name, 'end']} noStyle rules={[{ required: true }]}>
                                <Input style={{ width: 72 }} aria-label={`${weekdays[i + 1]} ${t('config.end')}`} />
                              </Form.Item>
                              <Button
                                onClick={() => remove(p.name)}
                                aria-label={`${t('config.remove')} ${weekdays[i + 1]}`}
                              >
                                ×
                              </Button>
                            </Space.Compact>
                          ))}
                          <Button type="dashed" onClick={() => add({ start: '08:30', end: '12:00' })}>
                            {t('config.calendar.addPeriod')}
                          </Button>
                        </Space>
                      )}
                    </Form.List>
                  </Space>
                ))}
              </Space>
            )}
          </Form.List>
        </Form>
      </Card>
    </Space>
  );
}
