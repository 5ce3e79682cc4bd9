import { Migration } from '@mikro-orm/migrations';

/**
 * Foundation: tenants (platform-level, reached only through SECURITY DEFINER functions for
 * writes), the audit trail, and the RLS plumbing every tenant table uses.
 *
 * Roles (created by provisioning, not here): `onedoor_owner` owns everything and runs
 * migrations; `onedoor_app` is what the API and workers connect as: no table ownership,
 * NOBYPASSRLS, DML grants only.
 */
export class Migration20261122000001Foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create function app_current_tenant() returns uuid
  language sql stable parallel safe
  as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

create table tenants (
  id uuid primary key,
  code text not null unique check (code ~ '^[a-z][a-z0-9-]{1,39}$'),
  name text not null check (length(name) between 1 and 200),
  level text not null check (level in ('CITY', 'COUNTY', 'DISTRICT', 'TOWN', 'STREET')),
  parent_id uuid references tenants (id),
  time_zone text not null default 'Asia/Shanghai',
  case_number_prefix text not null check (case_number_prefix ~ '^[A-Z]{1,6}$'),
  status text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
  defaults_seeded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (parent_id <> id)
);
create index tenants_parent_idx on tenants (parent_id);

alter table tenants enable row level security;
alter table tenants force row level security;
-- The app sees only the tenant of its current unit of work...
create policy tenant_self_read on tenants for select using (id = app_current_tenant());
create policy tenant_self_mark on tenants for update using (id = app_current_tenant()) with check (id = app_current_tenant());
-- ...and everything else goes through the owner's SECURITY DEFINER functions below.
create policy platform_functions on tenants to onedoor_owner using (true) with check (true);
grant select on tenants to onedoor_app;
grant update (defaults_seeded_at, updated_at) on tenants to onedoor_app;

create table platform_audit_events (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  actor_subject text not null,
  request_id text,
  action text not null,
  tenant_id uuid,
  detail jsonb not null default '{}'::jsonb
);
create index platform_audit_events_time_idx on platform_audit_events (occurred_at desc);
-- No grants: the app reaches this table only through the platform functions.

create table audit_events (
  tenant_id uuid not null default app_current_tenant() references tenants (id),
  id uuid not null,
  occurred_at timestamptz not null default now(),
  actor_subject text,
  action text not null,
  target_type text,
  target_id uuid,
  success boolean not null,
  source_ip text,
  request_id text,
  before jsonb,
  after jsonb,
  primary key (tenant_id, id)
);
create index audit_events_time_idx on audit_events (tenant_id, occurred_at desc, id desc);
create index audit_events_target_idx on audit_events (tenant_id, target_type, target_id);
alter table audit_events enable row level security;
alter table audit_events force row level security;
create policy tenant_isolation on audit_events
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
-- Append-only for the app (MLPS level 3): no update, no delete.
grant select, insert on audit_events to onedoor_app;

-- Read-only directory used to resolve a token's tenant codes before any tenant context
-- exists, and to show a tenant's parent. Non-personal columns only.
create function tenant_directory(p_codes text[], p_ids uuid[])
  returns table (id uuid, code text, name text, level text, parent_id uuid, time_zone text,
                 case_number_prefix text, status text, created_at timestamptz, updated_at timestamptz)
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select t.id, t.code, t.name, t.level, t.parent_id, t.time_zone, t.case_number_prefix, t.status, t.created_at, t.updated_at
    from tenants t
    where t.code = any (coalesce(p_codes, '{}')) or t.id = any (coalesce(p_ids, '{}'))
  $$;

create function platform_list_tenants(p_after_code text, p_limit int)
  returns setof tenants
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select * from tenants where p_after_code is null or code > p_after_code
    order by code limit least(greatest(p_limit, 1), 101)
  $$;

create function platform_audit(p_actor text, p_request_id text, p_action text, p_tenant uuid, p_detail jsonb)
  returns void language sql security definer set search_path = public, pg_temp
  as $$
    insert into platform_audit_events (actor_subject, request_id, action, tenant_id, detail)
    values (p_actor, p_request_id, p_action, p_tenant, coalesce(p_detail, '{}'::jsonb))
  $$;

create function platform_create_tenant(p_actor text, p_request_id text, p_id uuid, p_code text, p_name text,
    p_level text, p_parent_id uuid, p_time_zone text, p_prefix text)
  returns setof tenants language plpgsql security definer set search_path = public, pg_temp
  as $$
  declare r tenants;
  begin
    insert into tenants (id, code, name, level, parent_id, time_zone, case_number_prefix)
    values (p_id, p_code, p_name, p_level, p_parent_id, p_time_zone, p_prefix)
    returning * into r;
    perform platform_audit(p_actor, p_request_id, 'tenant.create', r.id, to_jsonb(r));
    return next r;
  end $$;

create function platform_update_tenant(p_actor text, p_request_id text, p_id uuid, p_patch jsonb)
  returns setof tenants language plpgsql security definer set search_path = public, pg_temp
  as $$
  declare before tenants; r tenants; new_parent uuid;
  begin
    select * into before from tenants where id = p_id for update;
    if not found then return; end if;
    new_parent := case when p_patch ? 'parent_id' then (p_patch->>'parent_id')::uuid else before.parent_id end;
    -- A parent chain must never loop back to the tenant itself.
    if new_parent is not null and exists (
      with recursive up as (
        select id, parent_id from tenants where id = new_parent
        union all select t.id, t.parent_id from tenants t join up on t.id = up.parent_id
      ) select 1 from up where id = p_id
    ) then
      raise exception 'tenant parent cycle' using errcode = 'P0001', hint = 'PARENT_CYCLE';
    end if;
    update tenants set
      name = coalesce(p_patch->>'name', name),
      level = coalesce(p_patch->>'level', level),
      parent_id = new_parent,
      time_zone = coalesce(p_patch->>'time_zone', time_zone),
      case_number_prefix = coalesce(p_patch->>'case_number_prefix', case_number_prefix),
      status = coalesce(p_patch->>'status', status),
      updated_at = now()
    where id = p_id returning * into r;
    perform platform_audit(p_actor, p_request_id,
      case when p_patch ? 'status' and (p_patch - 'status') = '{}'::jsonb then 'tenant.status' else 'tenant.update' end,
      r.id, jsonb_build_object('before', to_jsonb(before), 'after', to_jsonb(r)));
    return next r;
  end $$;

-- The defaults sweep: which tenants still need their starter catalogue (ids only).
create function platform_tenants_pending_defaults(p_limit int)
  returns setof uuid language sql stable security definer set search_path = public, pg_temp
  as $$ select id from tenants where defaults_seeded_at is null and status = 'ACTIVE' order by created_at limit p_limit $$;

revoke all on function tenant_directory(text[], uuid[]), platform_list_tenants(text, int),
  platform_audit(text, text, text, uuid, jsonb),
  platform_create_tenant(text, text, uuid, text, text, text, uuid, text, text),
  platform_update_tenant(text, text, uuid, jsonb), platform_tenants_pending_defaults(int) from public;
grant execute on function tenant_directory(text[], uuid[]), platform_list_tenants(text, int),
  platform_audit(text, text, text, uuid, jsonb),
  platform_create_tenant(text, text, uuid, text, text, text, uuid, text, text),
  platform_update_tenant(text, text, uuid, jsonb), platform_tenants_pending_defaults(int) to onedoor_app;
grant execute on function app_current_tenant() to onedoor_app;
`);
  }
}
