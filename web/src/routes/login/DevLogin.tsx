import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Card, Layout, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { authMode, chooseTenant, setLocalToken, signIn } from '../../app/auth';

interface DemoPerson {
  subject: string;
  name: string;
  title: string;
  roles: string[];
  tenants: { code: string; name: string }[];
}

/** Development only: pick a demo person; the local issuer signs their token. */
export default function DevLogin() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [people, setPeople] = useState<DemoPerson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const returnTo = params.get('returnTo')?.startsWith('/') ? params.get('returnTo')! : '/cases';

  useEffect(() => {
    if (authMode() === 'oidc') {
      signIn(returnTo);
      return;
    }
    fetch('/dev-auth/people')
      .then(async (r) => (r.ok ? setPeople((await r.json()) as DemoPerson[]) : setError(t('common.failed'))))
      .catch(() => setError(t('common.failed')));
  }, [returnTo, t]);

  const signInAs = async (p: DemoPerson) => {
    const r = await fetch('/dev-auth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subject: p.subject }),
    });
    if (!r.ok) return setError(t('common.failed'));
    setLocalToken(((await r.json()) as { access_token: string }).access_token);
    chooseTenant(p.tenants[0]?.code ?? null);
    // A full load: nothing cached for the previous person survives.
    window.location.assign(returnTo);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Content style={{ maxWidth: 960, margin: '48px auto', width: '100%' }}>
        <main>
          <Card
            title={
              <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
                {t('login.title')}
              </Typography.Title>
            }
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              {params.get('expired') && <Alert type="warning" showIcon message={t('login.expired')} />}
              <Alert type="info" showIcon message={t('login.hint')} />
              {error && <Alert type="error" message={error} />}
              <Table<DemoPerson>
                rowKey="subject"
                loading={!people && !error}
                dataSource={people ?? []}
                pagination={false}
                columns={[
                  { title: t('login.name'), dataIndex: 'name' },
                  { title: t('login.post'), dataIndex: 'title' },
                  {
                    title: t('login.roles'),
                    render: (_, p) =>
                      p.roles.map((r) => <Tag key={r}>{t(`enums.role.${r}`, { defaultValue: r })}</Tag>),
                  },
                  { title: t('login.tenant'), render: (_, p) => p.tenants.map((x) => x.name).join('、') },
                  {
                    title: '',
                    render: (_, p) => (
                      <Button
                        type="primary"
                        onClick={() => void signInAs(p)}
                        aria-label={`${t('login.as')}：${p.name}`}
                      >
                        {t('login.as')}
                      </Button>
                    ),
                  },
                ]}
              />
            </Space>
          </Card>
        </main>
      </Layout.Content>
    </Layout>
  );
}
