-- Kesbangpol's existing list of foreigners (daftar lama), imported once through matching. The matching module owns
-- person_list and person_list_row: each row is a record that matching links to a person, creates a person from, or
-- sends to the review queue (match_case.record_kind 'ROSTER'); a refused row keeps its cells to be given back.
create table person_list (
  id            bigint generated always as identity primary key,
  file_name     text,
  -- set when the import finished, so that the same file imported again adds nothing
  sha256        char(64) unique,
  legal_basis   text not null,
  -- the file's header: the refused rows go back with the same columns
  header        text[] not null,
  rows_read     int not null default 0,
  rows_created  int not null default 0,
  rows_linked   int not null default 0,
  rows_review   int not null default 0,
  rows_known    int not null default 0,
  rows_refused  int not null default 0,
  created_at    timestamptz not null,
  created_by    text not null,
  finished_at   timestamptz
);

create table person_list_row (
  id               bigint generated always as identity primary key,
  list_id          bigint not null references person_list (id) on delete cascade,
  row_number       int not null,
  -- the row's own id in the list, kept as the person's external reference
  external_id      text,
  full_name        text,
  sex              text,
  birth_date       date,
  birth_year       int,
  nationality      text,
  document_number  text,
  village_code     text,
  permit_type      text,
  permit_until     date,
  outcome          text not null check (outcome in ('CREATED', 'LINKED', 'REVIEW', 'KNOWN', 'REFUSED')),
  person_id        bigint references person (id),
  -- an earlier row of the same list this row may be a duplicate of
  duplicate_of_row int,
  reason_key       text,
  reason_arg       text,
  -- a refused row's cells as they came, for the file of refused rows
  cells            text[],
  unique (list_id, row_number)
);
create index person_list_row_external_idx on person_list_row (external_id) where outcome <> 'REFUSED';
create index person_list_row_person_idx on person_list_row (person_id) where person_id is not null;

-- The id a person has in a list imported into the registry (Kesbangpol's list), shown on the person's page.
alter table person add column external_ref text;
create index person_external_ref_idx on person (external_ref) where external_ref is not null;

alter table person_name drop constraint person_name_source_check;
alter table person_name add constraint person_name_source_check check (source in ('PASSPORT', 'VILLAGE_REPORT',
  'CROSSING', 'NIK_RECORD', 'SELF_DECLARED', 'OFFICER', 'PERSON_LIST'));

alter table match_case drop constraint match_case_record_kind_check;
alter table match_case add constraint match_case_record_kind_check check (record_kind in ('CROSSING', 'REPORT',
  'ROSTER'));
