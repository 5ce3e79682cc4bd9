import { Suspense, type ReactNode, useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Badge, Button, Dropdown, Layout, Menu, Space, Spin, Typography } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MeDocument, SetMyLocaleDocument, UnreadCountDocument } from '../gql/graphql';
import { chooseTenant, currentTenant, signOut } from './auth';
import { client } from './apollo';
import { hasLanguageChoice, LANGUAGES, setLanguage } from './i18n';
import '../routes/board/nav-i18n';
import '../routes/consultations/consultations-i18n';

export const ME = MeDocument;

const UNREAD = UnreadCountDocument;

/** The header every signed-in screen shares: the areas, the unread count, the center, the person. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const loc = useLocation();
  const { data } = useQuery(ME);
  const { data: unread } = useQuery(UNREAD, { pollInterval: 30_000 });
  const me = data?.me;
  // Several tenants and none chosen: act in the first until the person picks another.
  useEffect(() => {
    if (me && !me.currentTenant && me.tenants.length > 1 && !currentTenant()) {
      chooseTenant(me.tenants[0]!.code);
      void client.resetStore();
    }
  }, [me]);
  // The language saved on the server follows the person to a browser that has no choice of its own.
  useEffect(() => {
    if (me?.locale && !hasLanguageChoice() && me.locale !== i18n.language) setLanguage(me.locale);
  }, [me?.locale, i18n]);
  const area = '/' + (loc.pathname.split('/')[1] ?? '');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[area]}
          style={{ flex: 1, minWidth: 0 }}
          items={[
            { key: '/cases', label: <Link to="/cases">{t('nav.desk')}</Link> },
            { key: '/intake', label: <Link to="/intake">{t('nav.intake')}</Link> },
            { key: '/consultations', label: <Link to="/consultations">{t('nav.consultations')}</Link> },
            { key: '/board', label: <Link to="/board">{t('nav.board')}</Link> },
            { key: '/config', label: <Link to="/config">{t('nav.config')}</Link> },
            {
              key: '/inbox',
              label: (
                <Link to="/inbox">
                  {t('nav.inbox')}
                  <Badge
                    count={unread?.notifications.totalCount ?? 0}
                    size="small"
                    style={{ marginInlineStart: 6 }}
                    title={`${t('inbox.unread')} ${unread?.notifications.totalCount ?? 0}`}
                  />
                </Link>
              ),
            },
          ]}
        />
        <Space>
          {/* Menus rather than selects: the shell stays small, the desk's chunk brings Select. */}
          {me && me.tenants.length > 1 && (
            <Dropdown
              trigger={['click']}
              menu={{
                selectable: true,
                selectedKeys: [me.currentTenant?.code ?? currentTenant() ?? ''],
                items: me.tenants.map((x) => ({ key: x.code, label: x.name })),
                onClick: ({ key }) => {
                  chooseTenant(key);
                  void client.resetStore();
                },
              }}
            >
              <Button aria-label={`${t('nav.tenant')}：${me.currentTenant?.name ?? ''}`}>
                {me.currentTenant?.name ?? t('nav.tenant')} <DownOutlined />
              </Button>
            </Dropdown>
          )}
          {me && me.tenants.length === 1 && (
            <Typography.Text style={{ color: '#fff' }}>{me.currentTenant?.name}</Typography.Text>
          )}
          <Dropdown
            trigger={['click']}
            menu={{
              selectable: true,
              selectedKeys: [i18n.language],
              items: LANGUAGES.map((l) => ({ key: l.value, label: l.label })),
              onClick: ({ key }) => {
                setLanguage(key);
                // Saved for this person, so the API's sentences (errors, timeline, notifications) follow;
                // what is on screen is asked for again in the new language either way.
                const saved = me?.currentTenant
                  ? client.mutate({ mutation: SetMyLocaleDocument, variables: { input: { locale: key } } })
                  : Promise.resolve();
                void saved.then(() => client.refetchQueries({ include: 'active' }));
              },
            }}
          >
            <Button
              aria-label={`${t('nav.language')}：${LANGUAGES.find((l) => l.value === i18n.language)?.label ?? '中文'}`}
            >
              {LANGUAGES.find((l) => l.value === i18n.language)?.label ?? '中文'} <DownOutlined />
            </Button>
          </Dropdown>
          <Typography.Text style={{ color: '#fff' }}>{me?.staffMember?.name ?? me?.username}</Typography.Text>
          <Button onClick={() => void signOut()}>{t('nav.signOut')}</Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }} id="main">
        <Suspense fallback={<Spin />}>{children}</Suspense>
      </Layout.Content>
    </Layout>
  );
}
