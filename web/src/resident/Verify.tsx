import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { ResidentRequestCodeDocument, ResidentVerifyDocument } from './gql/graphql';
import { failureText } from './client';
import { placeErrors } from './errors';
import { saveSession } from './session';
import { usePlace } from './unit-context';

const RESEND_SECONDS = 60;

/** Proving the phone: a one-time code by SMS, redeemed for a short resident session. */
export function Verify() {
  const { tenant, base } = usePlace();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = params.get('next');
  const target = next && next.startsWith(`${base}/`) ? next : `${base}/cases`;
  const [form] = Form.useForm<{ phone: string; code: string }>();
  const [requestCode, sending] = useMutation(ResidentRequestCodeDocument);
  const [verify, verifying] = useMutation(ResidentVerifyDocument);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [minutes, setMinutes] = useState(5);
  const [wait, setWait] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (wait <= 0) return;
    const t = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(t);
  }, [wait]);

  const send = async () => {
    setProblem(null);
    const { phone } = await form.validateFields(['phone']);
    try {
      const r = (await requestCode({ variables: { input: { phone } } })).data?.residentRequestCode;
      const loose = r ? placeErrors(form, r.userErrors) : [];
      if (loose.length) setProblem(loose.join('；'));
      if (r?.sentTo) {
        setSentTo(r.sentTo);
        if (r.expiresInSeconds) setMinutes(Math.max(1, Math.round(r.expiresInSeconds / 60)));
        setWait(RESEND_SECONDS);
        form.getFieldInstance('code')?.focus?.();
      }
    } catch (e) {
      setProblem(failureText(e));
    }
  };

  const submit = async (v: { phone: string; code: string }) => {
    setProblem(null);
    try {
      const r = (await verify({ variables: { input: { phone: v.phone, code: v.code.trim() } } })).data?.residentVerify;
      if (!r) return;
      const loose = placeErrors(form, r.userErrors);
      if (loose.length) setProblem(loose.join('；'));
      if (r.token && r.expiresAt) {
        saveSession(tenant, { token: r.token, expiresAt: r.expiresAt, sentTo: sentTo ?? v.phone });
        void navigate(target, { replace: true });
      }
    } catch (e) {
      setProblem(failureText(e));
    }
  };

  return (
    <Card>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        验证手机号
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        我们会向您的手机发送6位验证码。手机号只用于联系您和查询您本人反映的事项。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item
          name="phone"
          label="手机号"
          rules={[
            { required: true, message: '请输入手机号' },
            { pattern: /^(\+?86)?[\s-]*1[3-9](\d[\s-]*){9}$/, message: '请输入11位大陆手机号' },
          ]}
        >
          <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={20} placeholder="例如 138 1234 5678" />
        </Form.Item>
        <Form.Item label="验证码" required={false} style={{ marginBottom: 8 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="code"
              noStyle
              rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: '请输入短信中的6位数字' }]}
            >
              <Input
                aria-label="验证码"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                placeholder="6位数字"
                onChange={() => {
                  // A new attempt: the last refusal no longer applies.
                  form.setFields([{ name: 'code', errors: [] }]);
                  setProblem(null);
                }}
              />
            </Form.Item>
            <Button onClick={() => void send()} loading={sending.loading} disabled={wait > 0}>
              {wait > 0 ? `${wait}秒后可重发` : sentTo ? '重新获取' : '获取验证码'}
            </Button>
          </Space.Compact>
        </Form.Item>
        {sentTo && (
          <Typography.Paragraph role="status">
            验证码已发送至 {sentTo}，{minutes}分钟内有效。
          </Typography.Paragraph>
        )}
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block size="large" loading={verifying.loading}>
          验证并继续
        </Button>
      </Form>
    </Card>
  );
}
