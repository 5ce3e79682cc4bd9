import { Link } from 'react-router';
import { Card, Space, Typography } from 'antd';
import { FileTextOutlined, SearchOutlined } from '@ant-design/icons';
import { useSession } from './session';
import { usePlace } from './unit-context';

const big: React.CSSProperties = { display: 'block', color: 'inherit' };

/** The page the QR code opens: what the resident can do here, in two taps. */
export function Home() {
  const { tenant, base } = usePlace();
  const session = useSession(tenant);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        遇到邻里、劳资、婚姻家庭、消费等矛盾纠纷，可以在这里向我们反映，并随时查看办理进度、预约调解。
      </Typography.Paragraph>
      <Link to={`${base}/report`} style={big}>
        <Card hoverable>
          <Space align="start" size={16}>
            <FileTextOutlined aria-hidden style={{ fontSize: 32, color: '#1d4ed8' }} />
            <div>
              <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                我要反映纠纷
              </Typography.Title>
              <Typography.Text type="secondary">说清发生了什么，我们会尽快受理</Typography.Text>
            </div>
          </Space>
        </Card>
      </Link>
      <Link to={`${base}/cases`} style={big}>
        <Card hoverable>
          <Space align="start" size={16}>
            <SearchOutlined aria-hidden style={{ fontSize: 32, color: '#1d4ed8' }} />
            <div>
              <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                查询进度、预约调解
              </Typography.Title>
              <Typography.Text type="secondary">查看我反映过的事项，选择调解员和时间</Typography.Text>
            </div>
          </Space>
        </Card>
      </Link>
      <Typography.Paragraph type="secondary" style={{ fontSize: 14 }}>
        {session
          ? `您已用手机号 ${session.sentTo} 验证身份。`
          : '为保护您的信息，反映和查询前需要用手机验证码验证身份。'}
        紧急情况请直接拨打 110。
      </Typography.Paragraph>
    </Space>
  );
}
