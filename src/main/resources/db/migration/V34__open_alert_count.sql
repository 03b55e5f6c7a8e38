-- Issue 19: the open alerts (OPEN or ACKNOWLEDGED) per village and severity, kept as alerts change, as V32 keeps the
-- present persons: the dashboard's alerts by severity, the map's alerts per village and the province's alerts per
-- regency read a few rows instead of every alert of the scope (5,000 alerts read sequentially on every home page and
-- map at 100,000 persons; ten times that at a million). Delta rows written by a statement-level trigger from the
-- statement's transition table, summed by readers, folded by compaction (followup's OpenAlertCounts).
create table open_alert_count (
  region_code text,
  severity    text not null,
  n           bigint not null
);
create index open_alert_count_region_idx on open_alert_count (region_code text_pattern_ops);

create function open_alert_count_note() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into open_alert_count (region_code, severity, n)
    select region_code, severity, count(*) from new_rows where status in ('OPEN', 'ACKNOWLEDGED') group by 1, 2;
  elsif tg_op = 'DELETE' then
    insert into open_alert_count (region_code, severity, n)
    select region_code, severity, -count(*) from old_rows where status in ('OPEN', 'ACKNOWLEDGED') group by 1, 2;
  else
    insert into open_alert_count (region_code, severity, n)
    select region_code, severity, sum(d) from (
      select region_code, severity, 1 as d from new_rows where status in ('OPEN', 'ACKNOWLEDGED')
      union all
      select region_code, severity, -1 from old_rows where status in ('OPEN', 'ACKNOWLEDGED')) changed
    group by 1, 2 having sum(d) <> 0;
  end if;
  return null;
end
$$;
create trigger open_alert_count_insert after insert on alert referencing new table as new_rows
  for each statement execute function open_alert_count_note();
create trigger open_alert_count_update after update on alert
  referencing old table as old_rows new table as new_rows
  for each statement execute function open_alert_count_note();
create trigger open_alert_count_delete after delete on alert referencing old table as old_rows
  for each statement execute function open_alert_count_note();

insert into open_alert_count (region_code, severity, n)
select region_code, severity, count(*) from alert where status in ('OPEN', 'ACKNOWLEDGED') group by 1, 2;

create view open_alert_count_read as select region_code, severity, n from open_alert_count;
