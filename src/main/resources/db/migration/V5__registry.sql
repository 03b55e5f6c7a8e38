-- The registry of foreign nationals (daftar orang asing): persons and the vessels their crew history refers to.
create extension if not exists pg_trgm;

create table vessel (
  id            bigint generated always as identity primary key,
  name          text not null,
  flag_state    text references country (alpha3),
  registration  text,
  imo_number    text,
  owner_agent   text,
  status        text not null check (status in ('ACTIVE', 'DEPARTED', 'SEIZED', 'SUNK', 'SCRAPPED')),
  notes         text,
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  version       int not null
);
create index vessel_name_trgm_idx on vessel using gin (upper(name) gin_trgm_ops);

create table person (
  id                  bigint generated always as identity primary key,
  primary_name        text not null,
  sex                 text check (sex in ('M', 'F', 'X')),
  birth_date          date,
  birth_year          int check (birth_year between 1880 and 2200),
  nationality         text references country (alpha3),
  claimed_nationality text references country (alpha3),
  category            text not null check (category in ('TOURIST', 'WORKER', 'CREW', 'EX_CREW', 'STUDENT',
                        'RESEARCHER', 'FAMILY_OF_CITIZEN', 'REFUGEE_STATELESS', 'OTHER')),
  status              text not null check (status in ('PRESENT', 'DEPARTED', 'DEPORTED', 'DECEASED',
                        'WHEREABOUTS_UNKNOWN', 'MERGED')),
  region_code         text references region (code),
  merged_into         bigint references person (id),
  notes               text,
  created_at          timestamptz not null,
  created_by          text not null,
  updated_at          timestamptz not null,
  updated_by          text not null,
  version             int not null,
  check (birth_date is null or birth_year = extract(year from birth_date)),
  check ((status = 'MERGED') = (merged_into is not null))
);
create index person_region_idx on person (region_code text_pattern_ops);
create index person_nationality_idx on person (nationality);
create index person_category_status_idx on person (category, status);
create index person_updated_idx on person (updated_at desc);

-- Every name a person goes by, with where it came from; search_key is the token-sorted normalised name.
create table person_name (
  person_id    bigint not null references person (id) on delete cascade,
  full_name    text not null,
  source       text not null check (source in ('PASSPORT', 'VILLAGE_REPORT', 'CROSSING', 'NIK_RECORD',
                 'SELF_DECLARED', 'OFFICER')),
  is_primary   boolean not null,
  search_key   text not null,
  phonetic_key text not null,
  added_at     timestamptz not null
);
create index person_name_person_idx on person_name (person_id);
create index person_name_search_trgm_idx on person_name using gin (search_key gin_trgm_ops);
create index person_name_phonetic_trgm_idx on person_name using gin (phonetic_key gin_trgm_ops);

create table travel_document (
  person_id     bigint not null references person (id) on delete cascade,
  document_type text not null check (document_type in ('PASSPORT', 'SEAMAN_BOOK', 'ID_CARD', 'TRAVEL_DOCUMENT',
                  'REFUGEE_CARD', 'OTHER')),
  number        text not null,
  number_key    text not null,
  issuing_state text references country (alpha3),
  expiry_date   date,
  added_at      timestamptz not null
);
create index travel_document_person_idx on travel_document (person_id);
create index travel_document_key_idx on travel_document (number_key);

create table stay_permit (
  person_id   bigint not null references person (id) on delete cascade,
  permit_type text not null references permit_type (code),
  number      text,
  valid_from  date,
  valid_until date,
  sponsor     text,
  added_at    timestamptz not null,
  check (valid_from is null or valid_until is null or valid_from <= valid_until)
);
create index stay_permit_person_idx on stay_permit (person_id);
create index stay_permit_until_idx on stay_permit (valid_until);

create table residence (
  person_id   bigint not null references person (id) on delete cascade,
  region_code text not null references region (code),
  address     text,
  since       date,
  until       date,
  added_at    timestamptz not null,
  check (since is null or until is null or since <= until)
);
create index residence_person_idx on residence (person_id);

create table vessel_assignment (
  person_id  bigint not null references person (id) on delete cascade,
  vessel_id  bigint not null references vessel (id),
  crew_role  text,
  signed_on  date,
  signed_off date,
  added_at   timestamptz not null
);
create index vessel_assignment_person_idx on vessel_assignment (person_id);
create index vessel_assignment_vessel_idx on vessel_assignment (vessel_id);

create table identity_link (
  person_id bigint not null references person (id) on delete cascade,
  kind      text not null check (kind in ('NIK', 'KK', 'OTHER')),
  value     text not null,
  notes     text,
  added_at  timestamptz not null
);
create index identity_link_person_idx on identity_link (person_id);
create index identity_link_value_idx on identity_link (value);

create table humanitarian_flag (
  person_id bigint not null references person (id) on delete cascade,
  flag      text not null check (flag in ('TRAFFICKING_VICTIM', 'STATELESS', 'REFUGEE_ASYLUM', 'UNACCOMPANIED_MINOR',
              'MEDICAL', 'OTHER')),
  since     date,
  notes     text,
  added_at  timestamptz not null
);
create index humanitarian_flag_person_idx on humanitarian_flag (person_id);

create table person_status_change (
  person_id  bigint not null references person (id) on delete cascade,
  status     text not null,
  changed_at timestamptz not null,
  changed_by text not null,
  reason     text
);
create index person_status_change_person_idx on person_status_change (person_id);
