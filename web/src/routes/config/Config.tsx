import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
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

/** 配置: the screens a tenant admin sets a center up with; the tab is in the URL so a link opens it. */
export default function Config() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') ?? 'units') as keyof typeof TABS;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('config.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyOnHidden
        items={Object.entries(TABS).map(([k, C]) => ({ key: k, label: t(`config.tabs.${k}`), children: <C /> }))}
      />
    </>
  );
}
