import { Suspense, useEffect, useMemo, type ReactNode } from 'react';
import { Link, Outlet, useParams } from 'react-router';
import { ApolloProvider, useQuery } from '@apollo/client/react';
import { Alert, Button, Result, Skeleton, Typography } from 'antd';
import { ResidentUnitDocument } from './gql/graphql';
import { failureText, residentClient } from './client';
import { saveSession, useSession } from './session';
import { UnitContext, type UnitPlace } from './unit-context';

const frame: React.CSSProperties = { minHeight: '100vh', background: '#f3f4f6' };
const column: React.CSSProperties = { maxWidth: 480, margin: '0 auto', padding: '12px 12px 32px' };

function Header({ title, subtitle, right }: { title: string; subtitle?: string; right?: ReactNode }) {
  return (
    <header style={{ background: '#1d4ed8', color: '#fff' }}>
      <div style={{ maxWidth: 480, margin: '0 auto', padding: '14px 16px', display: 'flex', gap: 12 }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          {subtitle && <div style={{ fontSize: 13, opacity: 0.9 }}>{subtitle}</div>}
          <h1 style={{ color: '#fff', fontSize: 20, lineHeight: 1.35, margin: 0, fontWeight: 600 }}>{title}</h1>
        </div>
        {right}
      </div>
    </header>
  );
}

/** What an address without a unit shows: the pages start from a unit's QR code. */
export function NoUnit() {
  useEffect(() => {
    document.title = '群众服务';
  }, []);
  return (
    <div style={frame}>
      <Header title="矛盾纠纷调处化解" />
      <main style={column}>
        <Result status="info" title="请扫描中心或服务站的二维码" subTitle="扫码后即可反映纠纷、查询进度、预约调解。" />
      </main>
    </div>
  );
}

function Frame() {
  const { tenant = '', unit: unitId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(ResidentUnitDocument, {
    variables: { orgUnitId: unitId },
    fetchPolicy: 'cache-first',
  });
  const session = useSession(tenant);
  const unit = data?.residentUnit;
  const base = `/r/${encodeURIComponent(tenant)}/${unitId}`;
  const place = useMemo<UnitPlace | null>(() => (unit ? { tenant, unit, base } : null), [tenant, unit, base]);
  useEffect(() => {
    document.title = unit ? `${unit.name} · 群众服务` : '群众服务';
  }, [unit]);

  if (!unit) {
    return (
      <div style={frame}>
        <Header title="矛盾纠纷调处化解" />
        <main style={column}>
          {loading ? (
            <Skeleton active />
          ) : error ? (
            <Alert
              type="error"
              showIcon
              title={failureText(error)}
              action={<Button onClick={() => void refetch()}>重试</Button>}
            />
          ) : (
            <Result
              status="warning"
              title="未找到这个服务点"
              subTitle="二维码可能已停用，请向工作人员索取新的二维码。"
            />
          )}
        </main>
      </div>
    );
  }
  return (
    <UnitContext.Provider value={place}>
      <div style={frame}>
        <Header
          title={unit.name}
          subtitle={unit.tenantName === unit.name ? undefined : unit.tenantName}
          right={
            session ? (
              <nav
                aria-label="我的"
                style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: 4 }}
              >
                <Link to={`${base}/cases`} style={{ color: '#fff', textDecoration: 'underline', whiteSpace: 'nowrap' }}>
                  我的案件
                </Link>
                <button
                  type="button"
                  onClick={() => saveSession(tenant, null)}
                  style={{
                    background: 'none',
                    border: 0,
                    padding: 0,
                    color: '#fff',
                    fontSize: 13,
                    textDecoration: 'underline',
                    cursor: 'pointer',
                  }}
                >
                  退出
                </button>
              </nav>
            ) : undefined
          }
        />
        <main style={column}>
          <Suspense fallback={<Skeleton active />}>
            <Outlet />
          </Suspense>
        </main>
        <footer style={{ ...column, paddingTop: 0, color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 0 }}>
            {unit.phone ? `服务电话：${unit.phone}` : null}
            {unit.phone && unit.address ? '　' : null}
            {unit.address ? `地址：${unit.address}` : null}
          </Typography.Paragraph>
        </footer>
      </div>
    </UnitContext.Provider>
  );
}

/** Each tenant's pages get their own client: its X-Tenant-Id is the QR code's tenant. */
export function UnitLayout() {
  const { tenant = '' } = useParams();
  const client = useMemo(() => residentClient(tenant), [tenant]);
  return (
    <ApolloProvider client={client}>
      <Frame />
    </ApolloProvider>
  );
}
