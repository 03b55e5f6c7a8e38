-- Issue 19: counts over a whole regency kept as the data changes, instead of recounted on every dashboard, map and
-- list (bench/explain named them: the present persons per village, the village reports per state, the crossings per
-- month). Each count is a table of delta rows owned by the module that owns the counted table, written by a
-- statement-level trigger from the statement's transition table: one insert of a few grouped rows per statement,
-- whichever path wrote (a form, the API, an import's COPY or INSERT ... SELECT, anonymisation, a restore's data), in
-- the same transaction. Concurrent writers only ever insert, so no row is a hot spot that serialises them; a reader
-- sums the rows of its keys, and compaction (in the owner's Java, safe to run on several instances at once) folds
-- them into one row per key now and then. An update that does not move a row between keys (most: a new name, a
-- version bump, a crossing linked to a person) writes nothing.

-- registry: persons present, per village (null: not placed in a village), nationality and category
create table person_present_count (
  region_code text,
  nationality text,
  category    text not null,
  n           bigint not null
);
create index person_present_count_region_idx on person_present_count (region_code text_pattern_ops);

create function person_present_count_note() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into person_present_count (region_code, nationality, category, n)
    select region_code, nationality, category, count(*) from new_rows where status = 'PRESENT' group by 1, 2, 3;
  elsif tg_op = 'DELETE' then
    insert into person_present_count (region_code, nationality, category, n)
    select region_code, nationality, category, -count(*) from old_rows where status = 'PRESENT' group by 1, 2, 3;
  else
    insert into person_present_count (region_code, nationality, category, n)
    select region_code, nationality, category, sum(d) from (
      select region_code, nationality, category, 1 as d from new_rows where status = 'PRESENT'
      union all
      select region_code, nationality, category, -1 from old_rows where status = 'PRESENT') changed
    group by 1, 2, 3 having sum(d) <> 0;
  end if;
  return null;
end
$$;
create trigger person_present_count_insert after insert on person referencing new table as new_rows
  for each statement execute function person_present_count_note();
create trigger person_present_count_update after update on person
  referencing old table as old_rows new table as new_rows
  for each statement execute function person_present_count_note();
create trigger person_present_count_delete after delete on person referencing old table as old_rows
  for each statement execute function person_present_count_note();

insert into person_present_count (region_code, nationality, category, n)
select region_code, nationality, category, count(*) from person where status = 'PRESENT' group by 1, 2, 3;

create view person_present_count_read as select region_code, nationality, category, n from person_present_count;

-- reports: village reports per village and state
create table village_report_state_count (
  village_code text not null,
  state        text not null,
  n            bigint not null
);
create index village_report_state_count_village_idx on village_report_state_count (village_code text_pattern_ops);

create function village_report_state_count_note() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into village_report_state_count (village_code, state, n)
    select village_code, state, count(*) from new_rows group by 1, 2;
  elsif tg_op = 'DELETE' then
    insert into village_report_state_count (village_code, state, n)
    select village_code, state, -count(*) from old_rows group by 1, 2;
  else
    insert into village_report_state_count (village_code, state, n)
    select village_code, state, sum(d) from (
      select village_code, state, 1 as d from new_rows
      union all
      select village_code, state, -1 from old_rows) changed
    group by 1, 2 having sum(d) <> 0;
  end if;
  return null;
end
$$;
create trigger village_report_state_count_insert after insert on village_report referencing new table as new_rows
  for each statement execute function village_report_state_count_note();
create trigger village_report_state_count_update after update on village_report
  referencing old table as old_rows new table as new_rows
  for each statement execute function village_report_state_count_note();
create trigger village_report_state_count_delete after delete on village_report referencing old table as old_rows
  for each statement execute function village_report_state_count_note();

insert into village_report_state_count (village_code, state, n)
select village_code, state, count(*) from village_report group by 1, 2;

create view village_report_state_count_read as select village_code, state, n from village_report_state_count;

-- crossings: arrivals and departures per calendar month in Maluku's time (WIT), as the dashboard shows them
create table crossing_month_count (
  month     date not null,
  direction text not null,
  n         bigint not null
);
create index crossing_month_count_month_idx on crossing_month_count (month);

create function crossing_month_count_note() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into crossing_month_count (month, direction, n)
    select date_trunc('month', crossed_at at time zone 'Asia/Jayapura')::date, direction, count(*)
    from new_rows group by 1, 2;
  elsif tg_op = 'DELETE' then
    insert into crossing_month_count (month, direction, n)
    select date_trunc('month', crossed_at at time zone 'Asia/Jayapura')::date, direction, -count(*)
    from old_rows group by 1, 2;
  else
    insert into crossing_month_count (month, direction, n)
    select month, direction, sum(d) from (
      select date_trunc('month', crossed_at at time zone 'Asia/Jayapura')::date as month, direction, 1 as d
      from new_rows
      union all
      select date_trunc('month', crossed_at at time zone 'Asia/Jayapura')::date, direction, -1 from old_rows) changed
    group by 1, 2 having sum(d) <> 0;
  end if;
  return null;
end
$$;
create trigger crossing_month_count_insert after insert on crossing referencing new table as new_rows
  for each statement execute function crossing_month_count_note();
create trigger crossing_month_count_update after update on crossing
  referencing old table as old_rows new table as new_rows
  for each statement execute function crossing_month_count_note();
create trigger crossing_month_count_delete after delete on crossing referencing old table as old_rows
  for each statement execute function crossing_month_count_note();

insert into crossing_month_count (month, direction, n)
select date_trunc('month', crossed_at at time zone 'Asia/Jayapura')::date, direction, count(*) from crossing
group by 1, 2;

create view crossing_month_count_read as select month, direction, n from crossing_month_count;

-- The person list walks its page in name order from an index instead of sorting every person of the scope.
create index person_name_order_idx on person (primary_name, id);
