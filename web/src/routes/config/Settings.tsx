import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { clearErrorsOnEdit } from '../../app/user-errors';
import { useSave } from './save';
import { SETTINGS, UPDATE_CASE_SETTINGS, UPDATE_NOTIFICATION_SETTINGS } from './settings-documents';

const NUMBERS = [
  'duplicateWindowHours',
  'groupDisputeThreshold',
  'followUpDays',
  'followUpWindowDays',
  'failedMediationLimit',
] as const;

/** 通知与案件设置: quiet hours for notifications, who sees and who may reveal personal data, and the other case rules a center sets. */
export default function Settings() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(SETTINGS, { fetchPolicy: 'network-only' });
  const [updateNotifications] = useMutation(UPDATE_NOTIFICATION_SETTINGS);
  const [updateCase] = useMutation(UPDATE_CASE_SETTINGS);
  const save = useSave();
  const [quiet] = Form.useForm();
  const [cases] = Form.useForm();
  const enabled = Form.useWatch('quietHoursEnabled', quiet) as boolean | undefined;
  // Role and enum names as the API words them, in the reader's language.
  const labels = (name: string) =>
    (data?.enumLabels ?? []).filter((l) => l.enum === name).map((l) => ({ value: l.value, label: l.label }));
  useEffect(() => {
    if (!data) return;
    const { timeZone: _tz, ...n } = data.notificationSettings;
    quiet.setFieldsValue(n);
    cases.setFieldsValue(data.caseSettings);
  }, [data, quiet, cases]);

  return (
    <Row gutter={16}>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('config.settings.quiet')}>
          <Form
            form={quiet}
            layout="vertical"
            onValuesChange={clearErrorsOnEdit(quiet)}
            onFinish={async (v: { quietHoursEnabled: boolean; quietStart: string; quietEnd: string }) => {
              const ok = await save(
                async () =>
                  (await updateNotifications({ variables: { input: v } })).data?.updateNotificationSettings.userErrors,
                quiet,
                t('common.saved'),
              );
              if (ok) await refetch();
            }}
          >
            <Form.Item
              name="quietHoursEnabled"
              label={t('config.settings.quietEnabled')}
              valuePropName="checked"
              extra={t('config.settings.quietHelp', { zone: data?.notificationSettings.timeZone ?? '' })}
            >
              <Switch />
            </Form.Item>
            <Row gutter={8}>
              <Col span={12}>
                <Form.Item name="quietStart" label={t('config.settings.quietStart')}>
                  <Input disabled={!enabled} placeholder="22:00" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="quietEnd" label={t('config.settings.quietEnd')}>
                  <Input disabled={!enabled} placeholder="07:30" />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit">
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('config.settings.cases')}>
          <Form
            form={cases}
            layout="vertical"
            onValuesChange={clearErrorsOnEdit(cases)}
            onFinish={async (v) => {
              const ok = await save(
                async () => (await updateCase({ variables: { input: v } })).data?.updateCaseSettings.userErrors,
                cases,
                t('common.saved'),
              );
              if (ok) await refetch();
            }}
          >
            <Form.Item name="personalDataRoles" label={t('config.settings.personalDataRoles')}>
              <Select mode="multiple" options={labels('Role')} optionFilterProp="label" />
            </Form.Item>
            <Form.Item name="revealRoles" label={t('config.settings.revealRoles')}>
              <Select mode="multiple" options={labels('Role')} optionFilterProp="label" />
            </Form.Item>
            <Row gutter={8}>
              {NUMBERS.map((n) => (
                <Col key={n} xs={12} lg={8}>
                  <Form.Item name={n} label={t(`config.settings.${n}`)}>
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ))}
              <Col xs={12} lg={8}>
                <Form.Item name="failedMediationAction" label={t('config.settings.failedMediationAction')}>
                  <Select options={labels('FailedMediationAction')} />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit">
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      </Col>
    </Row>
  );
}
