import { Link, useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Skeleton, Space, Typography } from 'antd';
import { ResidentCasesDocument } from './gql/graphql';
import { failureText } from './client';
import { StatusTag } from './CaseBits';
import { usePlace } from './unit-context';
import { day, when } from './words';

/** 我的案件: the verified phone's own reports in this center, newest first. */
export function MyCases() {
  const { base } = usePlace();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(ResidentCasesDocument);
  const cases = data?.residentCases ?? [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ fontSize: 18, margin: '4px 0 0' }}>
        我的案件
      </Typography.Title>
      {error && (
        <Alert
          type="error"
          showIcon
          title={failureText(error)}
          action={<Button onClick={() => void refetch()}>重试</Button>}
        />
      )}
      {loading && !data ? (
        <Skeleton active />
      ) : cases.length === 0 && !error ? (
        <Card>
          <Empty description="这个手机号还没有反映过纠纷">
            <Button type="primary" onClick={() => void navigate(`${base}/report`)}>
              我要反映纠纷
            </Button>
          </Empty>
        </Card>
      ) : (
        <ul aria-label="我的案件列表" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12 }}>
          {cases.map((c) => (
            <li key={c.id}>
              <Link to={`${base}/cases/${encodeURIComponent(c.number)}`} style={{ color: 'inherit', display: 'block' }}>
                <Card size="small" hoverable>
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'center' }}>
                    <strong>{c.number}</strong>
                    <StatusTag status={c.status} text={c.statusText} />
                  </div>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '8px 0 4px' }}>
                    {c.whatHappened}
                  </Typography.Paragraph>
                  {c.nextStep && (
                    <div>
                      下一步：{c.nextStep}
                      {c.nextStepDue ? `（${when(c.nextStepDue)}）` : ''}
                    </div>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                    {day(c.reportedAt)} 反映
                  </Typography.Text>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Button block onClick={() => void navigate(`${base}/report`)}>
        再反映一件事
      </Button>
    </Space>
  );
}
