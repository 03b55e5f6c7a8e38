-- Record linkage: every crossing and every village report is compared with the registry. A case is one record with
-- the linker's proposal and, once someone decided, the decision; its candidates are the persons it was compared with,
-- each with the score explained field by field.
create table match_case (
  id            bigint generated always as identity primary key,
  record_kind   text not null check (record_kind in ('CROSSING', 'REPORT')),
  record_id     bigint not null,
  -- the village of a report (for scope); a crossing has none and is for regency-wide users only
  region_code   text,
  record_name   text not null,
  proposal      text not null check (proposal in ('MATCH', 'REVIEW', 'NONE')),
  namesakes     boolean not null,
  state         text not null check (state in ('LINKED', 'PENDING', 'CONFIRMED', 'REJECTED', 'NEW_PERSON')),
  person_id     bigint references person (id),
  score         double precision,
  matched_at    timestamptz not null,
  decided_by    text,
  decided_at    timestamptz,
  reason        text,
  version       int not null,
  unique (record_kind, record_id)
);
create index match_case_queue_idx on match_case (state, matched_at desc);
create index match_case_person_idx on match_case (person_id) where person_id is not null;

create table match_candidate (
  case_id      bigint not null references match_case (id) on delete cascade,
  person_id    bigint not null references person (id),
  rank         int not null,
  probability  double precision not null,
  match_weight double precision not null,
  -- the comparison levels of the pair, one per field, for re-estimating the model from decisions
  pattern      int not null,
  explanation  text not null,
  primary key (case_id, person_id)
);

-- Crossing batches already offered to matching, so that a restart catches up on the others only.
create table match_batch (
  batch_id   bigint primary key,
  matched_at timestamptz not null,
  records    int not null
);

-- The linker's model as last estimated (m, u, prior, thresholds as properties), one row.
create table match_model (
  id           int primary key check (id = 1),
  properties   text not null,
  estimated_at timestamptz not null,
  confirmed    int not null,
  rejected     int not null,
  unlabelled   int not null,
  iterations   int not null
);
