-- Immigration's entry and exit records (data perlintasan) and the batches they arrive in.

create table import_batch (
  id            bigint generated always as identity primary key,
  kind          text not null check (kind in ('CROSSINGS', 'CREW_LIST')),
  file_name     text,
  sha256        char(64),
  legal_basis   text not null,
  origin        text not null,
  header        text,
  rows_read     int not null,
  rows_added    int not null,
  rows_known    int not null,
  rows_refused  int not null,
  created_at    timestamptz not null,
  created_by    text not null,
  unique (kind, sha256)
);

-- Rows refused in a batch, with the line as it came so that it can be fixed and uploaded again.
create table import_row_error (
  batch_id     bigint not null references import_batch (id) on delete cascade,
  row_number   int not null,
  reason_key   text not null,
  reason_arg   text,
  raw          text not null
);
create index import_row_error_batch_idx on import_row_error (batch_id, row_number);

create table crossing (
  id              bigint generated always as identity primary key,
  direction       text not null check (direction in ('ENTRY', 'EXIT')),
  crossed_at      timestamptz not null,
  port_code       text not null,
  document_number text not null,
  document_key    text not null,
  nationality     text not null references country (alpha3),
  full_name       text not null,
  name_key        text not null,
  birth_date      date,
  birth_year      int,
  sex             text check (sex in ('M', 'F', 'X')),
  permit_type     text,
  stay_until      date,
  transport       text,
  batch_id        bigint references import_batch (id),
  person_id       bigint references person (id),
  created_at      timestamptz not null,
  unique (document_key, nationality, direction, crossed_at, port_code)
);
create index crossing_crossed_idx on crossing (crossed_at desc);
create index crossing_person_idx on crossing (person_id);
create index crossing_batch_idx on crossing (batch_id);
create index crossing_name_trgm_idx on crossing using gin (name_key gin_trgm_ops);

-- Rows of the batch being imported, already read and normalised; emptied when the batch commits or rolls back.
create unlogged table crossing_staging (
  batch_id        bigint not null,
  row_number      int not null,
  direction       text not null,
  crossed_at      timestamptz not null,
  port_code       text not null,
  document_number text not null,
  document_key    text not null,
  nationality     text not null,
  full_name       text not null,
  name_key        text not null,
  birth_date      date,
  birth_year      int,
  sex             text,
  permit_type     text,
  stay_until      date,
  transport       text
);

-- Column layouts saved for the next file of the same origin.
create table import_mapping (
  origin     text primary key,
  mapping    text not null,
  updated_at timestamptz not null
);
