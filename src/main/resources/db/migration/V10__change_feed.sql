-- The changes feed for partner systems. Every insert and update of a crossing or a village report takes the next
-- number of one shared sequence (change_seq) and notes its transaction (change_xid). The feed is read in
-- (change_xid, change_seq) order and only up to the oldest transaction still running: a transaction that started
-- earlier but commits later cannot then slip in behind a reader's cursor, so no change is ever skipped.
create sequence change_seq;

create function note_change() returns trigger language plpgsql as $$
begin
  new.change_seq := nextval('change_seq');
  new.change_xid := pg_current_xact_id();
  return new;
end
$$;

alter table crossing add column change_seq bigint, add column change_xid xid8;
update crossing c set change_seq = o.seq, change_xid = pg_current_xact_id()
  from (select id, nextval('change_seq') as seq from (select id from crossing order by id) ordered) o
  where c.id = o.id;
alter table crossing alter column change_seq set not null, alter column change_xid set not null;
create trigger crossing_note_change before insert or update on crossing
  for each row execute function note_change();
create index crossing_change_idx on crossing (change_xid, change_seq);

alter table village_report add column change_seq bigint, add column change_xid xid8;
update village_report r set change_seq = o.seq, change_xid = pg_current_xact_id()
  from (select id, nextval('change_seq') as seq from (select id from village_report order by id) ordered) o
  where r.id = o.id;
alter table village_report alter column change_seq set not null, alter column change_xid set not null;
create trigger village_report_note_change before insert or update on village_report
  for each row execute function note_change();
-- Only concluded reports go out in the feed.
create index village_report_change_idx on village_report (change_xid, change_seq)
  where state in ('VALIDATED', 'REJECTED');
