-- Dashboard and map: a village's point set by an administrator, and indexes for the dashboard's aggregates.

-- Where a village sits on the map when its island's point is too coarse (several villages share an island). The
-- region table keeps the reference data as loaded; this is the administrator's correction, audited in the app.
create table village_point (
  village_code text primary key references region (code),
  lat          numeric(9, 6) not null check (lat between -90 and 90),
  lon          numeric(9, 6) not null check (lon between -180 and 180),
  set_at       timestamptz not null,
  set_by       text not null
);

-- Foreigners present per nationality, category and village: one pass over the present persons of a scope, read
-- from the index alone (visibility map permitting) instead of the whole person table.
create index person_present_idx on person (region_code text_pattern_ops, nationality, category)
  where status = 'PRESENT';

-- Arrivals and departures per month: an index-only range scan over the last twelve months of crossings.
create index crossing_month_idx on crossing (crossed_at, direction);

-- Alerts raised and closed in a month, for the recap.
create index alert_opened_idx on alert (opened_at);
create index alert_closed_idx on alert (closed_at) where closed_at is not null;
