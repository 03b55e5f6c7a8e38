-- Village reports (laporan keberadaan orang asing) and their chain: ohoi -> BPMPD -> Kesbangpol with TIMPORA.

create table village_report (
  id                 bigint generated always as identity primary key,
  number             text not null unique,
  village_code       text not null references region (code),
  state              text not null check (state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'FORWARDED', 'VALIDATED',
                       'REJECTED')),
  names_as_heard     text not null,
  nationality_text   text,
  nationality        text references country (alpha3),
  sex                text check (sex in ('M', 'F', 'X')),
  age_or_birth       text,
  document_numbers   text,
  staying_at         text,
  activity           text,
  employer_or_vessel text,
  present_since      text,
  note               text,
  photo_id           uuid,
  photo_type         text,
  client_key         uuid unique,
  outcome            text check (outcome in ('KNOWN_IN_ORDER', 'NEW_PERSON_ADDED', 'POSSIBLE_VIOLATION',
                       'NOT_A_FOREIGNER', 'DUPLICATE')),
  person_id          bigint references person (id),
  duplicate_of       bigint references village_report (id),
  created_at         timestamptz not null,
  created_by         text not null,
  state_since        timestamptz not null,
  updated_at         timestamptz not null,
  version            int not null
);
create index village_report_village_idx on village_report (village_code text_pattern_ops);
create index village_report_state_idx on village_report (state, state_since);

-- Every transition: who did what, when and why.
create table report_event (
  village_report_id bigint not null references village_report (id) on delete cascade,
  from_state        text,
  to_state          text not null,
  actor             text not null,
  at                timestamptz not null,
  reason            text
);
create index report_event_report_idx on report_event (village_report_id);

-- Each TIMPORA partner agency's view on a report, recorded by Kesbangpol at validation.
create table report_agency_view (
  village_report_id bigint not null references village_report (id) on delete cascade,
  agency            text not null,
  view_text         text not null,
  recorded_by       text not null,
  recorded_at       timestamptz not null
);
create index report_agency_view_report_idx on report_agency_view (village_report_id);

-- Readable report numbers: a counter per village and year.
create table report_counter (
  village_code text not null,
  year         int not null,
  last_number  int not null,
  primary key (village_code, year)
);

-- The monthly report each village owes, with "nihil" when no foreigner is in the village.
create table periodic_report (
  id           bigint generated always as identity primary key,
  village_code text not null references region (code),
  month        date not null check (extract(day from month) = 1),
  nil          boolean not null,
  foreigners   int not null check (foreigners >= 0),
  note         text,
  submitted_at timestamptz not null,
  submitted_by text not null,
  unique (village_code, month),
  check (not nil or foreigners = 0)
);

-- In-app notifications; e-mail is sent as well where an address and an SMTP server are configured.
create table notification (
  id          bigint generated always as identity primary key,
  username    text not null,
  message_key text not null,
  argument    text,
  link        text,
  created_at  timestamptz not null,
  read_at     timestamptz
);
create index notification_user_idx on notification (username, read_at);
