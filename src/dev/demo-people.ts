import type { Role } from '../core/auth/roles';
import type { TenantScope } from '../core/graphql/context';
import type { Services } from '../services';
import { OrgUnitEntity } from '../modules/org-unit/org-unit.entity';
import { StaffMemberEntity } from '../modules/staff/staff.entity';

export interface DemoPerson {
  /** the token subject; the staff record carries the same one so the timeline shows the name */
  subject: string;
  name: string;
  /** what the person does, for the sign-in page */
  title: string;
  roles: Role[];
  tenants: string[];
  /** staff records to create (people already made by the demo cases have theirs) */
  createIn?: { tenant: string; unit: string }[];
}

/** Who a developer can sign in as: one person per desk of the reports' window scenario. */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    subject: 'demo-clerk',
    name: '张敏',
    title: '无差别受理窗口',
    roles: ['intake-clerk'],
    tenants: ['zhili'],
    createIn: [{ tenant: 'zhili', unit: '织里镇社会治理中心' }],
  },
  {
    subject: 'demo-dispatcher',
    name: '陈刚',
    title: '信息清洗员（分流派单）',
    roles: ['dispatcher'],
    tenants: ['zhili'],
    createIn: [{ tenant: 'zhili', unit: '织里镇社会治理中心' }],
  },
  { subject: 'demo-lawyer', name: '王律师（警律联调）', title: '调解员', roles: ['mediator'], tenants: ['zhili'] },
  {
    subject: 'demo-patrol',
    name: '沈明（民生服务队）',
    title: '网格员、调解员',
    roles: ['grid-worker', 'mediator'],
    tenants: ['zhili'],
  },
  {
    subject: 'demo-leader',
    name: '周建国',
    title: '中心主任',
    roles: ['leader'],
    tenants: ['zhili', 'wuxing'],
    createIn: [
      { tenant: 'zhili', unit: '织里镇社会治理中心' },
      { tenant: 'wuxing', unit: '吴兴区社会治理中心' },
    ],
  },
  {
    subject: 'demo-admin',
    name: '吴芳',
    title: '中心管理员',
    roles: ['tenant-admin'],
    tenants: ['zhili'],
    createIn: [{ tenant: 'zhili', unit: '织里镇社会治理中心' }],
  },
  // The platform operator (tenants, queues); no staff record, as they work for no one center.
  { subject: 'demo-platform', name: '郑平', title: '平台管理员', roles: ['platform-admin'], tenants: ['zhili'] },
  {
    subject: 'demo-hongta-clerk',
    name: '李红',
    title: '无差别受理窗口',
    roles: ['intake-clerk', 'dispatcher'],
    tenants: ['hongta'],
    createIn: [{ tenant: 'hongta', unit: '红塔区社会治理中心' }],
  },
];

/** Staff records for the demo people of one tenant, so names appear instead of token subjects. */
export async function createDemoPeople(s: Services, scope: TenantScope): Promise<void> {
  const t = scope.tenant;
  for (const p of DEMO_PEOPLE) {
    const place = p.createIn?.find((c) => c.tenant === t.code);
    if (!place) continue;
    if (await scope.em.findOne(StaffMemberEntity, { tenantId: t.id, keycloakSubject: p.subject })) continue;
    const unit = await scope.em.findOneOrFail(OrgUnitEntity, { tenantId: t.id, name: place.unit });
    const r = await s.staff.create(scope, {
      name: p.name,
      keycloakSubject: p.subject,
      roles: p.roles,
      orgUnitId: unit.id,
    });
    if (!r.ok) throw new Error(`demo person ${p.name}: ${r.errors.map((e) => e.message).join('; ')}`);
  }
}
