import { Migration } from '@mikro-orm/migrations';

/**
 * The platform's holiday schedule: a year's holidays and make-up working days, entered once by a
 * platform admin when the State Council publishes them, used by every tenant before its own
 * overrides (issue 17). Public data with no tenant: the app reads it directly and writes it only
 * through `platform_set_holiday_year`, which records the change in platform_audit_events.
 */
export class Migration20261127100003PlatformHolidays extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table platform_holiday_years (
  year int primary key check (year between 2000 and 2200),
  holidays jsonb not null,
  makeup_workdays jsonb not null,
  entered_by text not null,
  entered_at timestamptz not null default now()
);
grant select on platform_holiday_years to onedoor_app;

create function platform_set_holiday_year(p_actor text, p_request_id text, p_year int, p_holidays jsonb, p_makeup jsonb)
  returns setof platform_holiday_years language plpgsql security definer set search_path = public, pg_temp
  as $$
  begin
    insert into platform_holiday_years (year, holidays, makeup_workdays, entered_by)
    values (p_year, p_holidays, p_makeup, p_actor)
    on conflict (year) do update set holidays = excluded.holidays, makeup_workdays = excluded.makeup_workdays,
      entered_by = excluded.entered_by, entered_at = now();
    perform platform_audit(p_actor, p_request_id, 'platform.holidays.set', null,
      jsonb_build_object('year', p_year, 'holidays', p_holidays, 'makeupWorkdays', p_makeup));
    return query select * from platform_holiday_years where year = p_year;
  end $$;
revoke all on function platform_set_holiday_year(text, text, int, jsonb, jsonb) from public;
grant execute on function platform_set_holiday_year(text, text, int, jsonb, jsonb) to onedoor_app;
`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function if exists platform_set_holiday_year(text, text, int, jsonb, jsonb);');
    this.addSql('drop table if exists platform_holiday_years;');
  }
}
