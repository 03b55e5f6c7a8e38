-- Issue 19: several Pantau instances on one database. What ran in one JVM's memory and must now hold for all of them.

-- platform: ShedLock's lock per scheduled job (its documented PostgreSQL table): a job runs where it took the row, and
-- every other instance skips that run. The times are the database's (ShedLock's usingDbTime), in UTC.
create table shedlock (
  name       varchar(64)  not null primary key,
  lock_until timestamp    not null,
  locked_at  timestamp    not null,
  locked_by  varchar(255) not null
);

-- platform: the import slots taken across instances (ImportSlots). An instance renews the heartbeat of the slots it
-- holds; a slot whose heartbeat stopped belongs to an instance that died and is given back by the next taker.
create table import_slot (
  id           uuid        not null primary key,
  user_name    text        not null,
  instance     text        not null,
  taken_at     timestamptz not null,
  heartbeat_at timestamptz not null
);
create index import_slot_user_idx on import_slot (user_name);

-- crossings: an uploaded crossing file being imported, or waiting for its columns to be mapped (ImportJobs), so that
-- any instance answers its progress page and finishes its mapping step. The file itself lies in the shared storage
-- folder (PANTAU_STORAGE_DIR/imports/<id>); a running job whose instance stopped renewing its heartbeat is taken over
-- by another instance, at most a few times, then marked failed.
create table import_job (
  id             uuid        not null primary key,
  owner          text        not null,
  file_name      text,
  legal_basis    text        not null,
  origin         text        not null,
  state          text        not null check (state in ('RUNNING', 'WAITING', 'DONE', 'FAILED')),
  mapping        text,
  progress       double precision not null default 0,
  result         text,
  error_key      text,
  error_argument text,
  instance       text,
  attempts       int         not null default 0,
  heartbeat_at   timestamptz not null,
  created_at     timestamptz not null,
  finished_at    timestamptz
);
create index import_job_running_idx on import_job (heartbeat_at) where state = 'RUNNING';
