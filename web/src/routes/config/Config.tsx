import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { MeDocument } from '../../gql/graphql';
import { useTranslation } from 'react-i18next';
import '../board/board-i18n';
import './config-i18n';
import OrgUnits from './OrgUnits';
import Departments from './Departments';
import Roster from './Roster';
import Staff from './Staff';
import Categories from './Categories';
import Routing from './Routing';
import Sla from './Sla';
import Platform from './Platform';
import Calendar from './Calendar';
import Webhooks from './Webhooks';
import Settings from './Settings';

const TABS = {
  units: OrgUnits,
  departments: Departments,
  roster: Roster,
  staff: Staff,
  categories: Categories,
  routing: Routing,
  sla: Sla,
  calendar: Calendar,
  settings: Settings,
  webhooks: Webhooks,
  platform: Platform,
};

type Tab = keyof typeof TABS;

/**
 * The tabs a person can use: a platform admin who runs no center sees the platform's screens only,
 * a center's staff never see the platform's.
 */
function tabsFor(roles: readonly string[]): Tab[] {
  const all = Object.keys(TABS) as Tab[];
  const platform = roles.includes('platform-admin');
  const center = roles.some((r) => r !== 'platform-admin');
  return all.filter((k) => (k === 'platform' ? platform : center));
}

/** 配置: the screens a tenant admin sets a center up with; the tab is in the URL so a link opens it. */
export default function Config() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { data } = useQuery(MeDocument);
  const visible = tabsFor(data?.me?.roles ?? []);
  const asked = params.get('tab') as Tab | null;
  const tab = asked && visible.includes(asked) ? asked : (visible[0] ?? 'units');
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('config.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyOnHidden
        items={visible.map((k) => {
          const C = TABS[k];
          return { key: k, label: t(`config.tabs.${k}`), children: <C /> };
        })}
      />
    </>
  );
}
