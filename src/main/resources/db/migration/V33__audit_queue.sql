-- The audit trail's queue (issue 19): a request writes its entry here, in its own transaction and without a lock, and
-- one sequencer (AuditSequencer) moves committed entries into audit_event in batches, giving each the next gapless id
-- and its link in the hash chain, and deleting it from here in the same transaction. So an entry whose transaction
-- rolled back never exists, a committed one waits here (durably) until it is chained, and none is chained twice.
-- The chain's order is the order of integration; occurred_at stays the time the event happened.
create table audit_pending (
  seq          bigint generated always as identity primary key,
  occurred_at  timestamptz not null,
  actor        text not null,
  action       text not null,
  subject_type text,
  subject_id   text,
  region_code  text,
  ip           text,
  details      text not null
);

-- an entry is never changed while it waits; only the sequencer removes it, when it chains it
create function audit_pending_unchanged() returns trigger language plpgsql as $$
begin
  raise exception 'audit_pending entries are never changed: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_pending_no_update before update on audit_pending
  for each row execute function audit_pending_unchanged();
create trigger audit_pending_no_truncate before truncate on audit_pending
  for each statement execute function audit_pending_unchanged();

-- the privacy module's read (breach query, data-subject export) sees an entry at once: chained rows, then those
-- still waiting (id null until chained). One statement reads both under one snapshot, so a row being chained is seen
-- once, on one side or the other.
create or replace view audit_event_read as
  select id, occurred_at, actor, action, subject_type, subject_id, region_code, ip, details from audit_event
  union all
  select null::bigint, occurred_at, actor, action, subject_type, subject_id, region_code, ip, details
  from audit_pending;
