import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Form, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../gql/graphql';
import { ROUTING_PREVIEW } from './config-documents';
import { RISKS } from './kinds';
import { TreePick, useCategoryTree, useUnitTree } from './pickers';

interface Asked {
  categoryId?: string;
  orgUnitId?: string;
  riskLevel?: RiskLevel;
}

/** "Which rule would route this?": the API's own match, the one dispatch applies, for a case not yet reported. */
export function RoutingPreview() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Asked>();
  const asked = Form.useWatch([], form) ?? {};
  const unitTree = useUnitTree();
  const catTree = useCategoryTree();
  const { data, loading } = useQuery(ROUTING_PREVIEW, {
    variables: {
      categoryId: asked.categoryId ?? null,
      orgUnitId: asked.orgUnitId ?? null,
      riskLevel: asked.riskLevel ?? 'LOW',
    },
    skip: !asked.riskLevel,
    fetchPolicy: 'network-only',
  });
  const rule = data?.routingPreview;
  const target = rule && [rule.targetOrgUnit?.name, rule.targetDepartment?.name].filter(Boolean).join(' · ');
  return (
    <Card size="small" title={t('config.preview.title')} data-testid="routing-preview">
      {/* Named: its ids must not be those of the rule dialog's same fields, or their labels point here. */}
      <Form form={form} name="preview" layout="vertical">
        <Row gutter={12}>
          <Col xs={24} md={9}>
            <Form.Item name="categoryId" label={t('config.preview.category')}>
              <TreePick treeData={catTree} placeholder={t('config.preview.none')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item name="orgUnitId" label={t('config.preview.unit')}>
              <TreePick treeData={unitTree} placeholder={t('config.preview.none')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="riskLevel" label={t('config.riskLevel')}>
              <Select options={RISKS.map((r) => ({ value: r, label: t(`enums.risk.${r}`) }))} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {!asked.riskLevel ? (
        <Alert type="info" message={t('config.preview.ask')} />
      ) : loading && !data ? null : rule ? (
        <Alert
          type="success"
          showIcon
          data-testid="routing-preview-result"
          message={t('config.preview.matched', { name: rule.name, priority: rule.priority })}
          description={t('config.preview.target', { target })}
        />
      ) : (
        <Alert type="warning" showIcon data-testid="routing-preview-result" message={t('config.preview.noMatch')} />
      )}
    </Card>
  );
}
