-- The audit trail: append-only and hash-chained. Each row's hash is the SHA-256 of the previous row's hash and the
-- row's own canonical content (see AuditChain), so a row altered or removed behind the application's back breaks the
-- chain at that row. Rows are chained in id order; ids come from the sequence under an advisory lock.
create sequence audit_event_id_seq;

create table audit_event (
  id           bigint primary key,
  occurred_at  timestamptz not null,
  actor        text not null,
  action       text not null,
  subject_type text,
  subject_id   text,
  region_code  text,
  ip           text,
  details      text not null,
  prev_hash    char(64) not null,
  hash         char(64) not null
);
create index audit_event_occurred_idx on audit_event (occurred_at);
create index audit_event_action_idx on audit_event (action, id);
create index audit_event_actor_idx on audit_event (actor, id);
create index audit_event_subject_idx on audit_event (subject_type, subject_id);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_append_only();
