-- The match case whose automatic link brought the fact that closed an alert (a departure, an arrival), so that the
-- closure can name the link and undoing the link reopens the alert.
alter table alert add column closed_by_link bigint;
create index alert_closed_by_link_idx on alert (closed_by_link) where closed_by_link is not null;
