-- Early detection (deteksi dini) and follow-up (tindak lanjut): alerts raised by rules, with their evidence, the
-- actions taken and the outcome; TIMPORA meetings that take open alerts as their agenda.

-- Dukcapil's residence certificate for ITAS holders (SKTT) is an identity link like a NIK.
alter table identity_link drop constraint identity_link_kind_check;
alter table identity_link add constraint identity_link_kind_check check (kind in ('NIK', 'KK', 'SKTT', 'OTHER'));

create table alert (
  id              bigint generated always as identity primary key,
  rule            text not null,
  severity        text not null check (severity in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
  -- what the alert is about: a person (its id), a village (its code) or a document number (its key)
  subject_type    text not null check (subject_type in ('PERSON', 'VILLAGE', 'DOCUMENT')),
  subject_key     text not null,
  person_id       bigint references person (id),
  -- for scope: the village of the person or the village itself; null when unknown (regency-wide users only)
  region_code     text,
  -- the facts that raised it (e.g. the permit and its end date): the same facts never open a second alert
  facts_key       text not null,
  -- message arguments of the rule's summary (JSON array) and the evidence (JSON array of items)
  summary_args    text not null,
  evidence        text not null,
  legal_reference text,
  status          text not null check (status in ('OPEN', 'ACKNOWLEDGED', 'CLOSED', 'DISMISSED')),
  assigned_agency text,
  assigned_to     text,
  opened_at       timestamptz not null,
  last_seen_at    timestamptz not null,
  -- set when a later run no longer finds the facts (e.g. a departure arrived), with what changed
  facts_changed_at timestamptz,
  facts_note      text,
  closed_at       timestamptz,
  closed_by       text,
  outcome         text,
  close_note      text,
  version         int not null,
  unique (rule, subject_key, facts_key)
);
create index alert_open_idx on alert (status, severity, opened_at) where status in ('OPEN', 'ACKNOWLEDGED');
create index alert_region_idx on alert (region_code text_pattern_ops);
create index alert_person_idx on alert (person_id) where person_id is not null;

-- Follow-up actions on an alert (field check, summons, immigration administrative action, referral...).
create table alert_action (
  id          bigint generated always as identity primary key,
  alert_id    bigint not null references alert (id),
  kind        text not null,
  note        text,
  happened_on date,
  actor       text not null,
  agency      text,
  recorded_at timestamptz not null
);
create index alert_action_alert_idx on alert_action (alert_id, recorded_at);

-- Thresholds and switches of the rules (ADMIN), as properties per rule; defaults in code when absent.
create table rule_setting (
  rule        text primary key,
  enabled     boolean not null,
  parameters  text not null,
  updated_at  timestamptz not null,
  updated_by  text not null
);

-- Each run of each rule: when, why, and what it found.
create table rule_run (
  id          bigint generated always as identity primary key,
  rule        text not null,
  trigger     text not null,
  started_at  timestamptz not null,
  finished_at timestamptz,
  found       int,
  opened      int,
  resolved    int,
  error       text
);
create index rule_run_rule_idx on rule_run (rule, started_at desc);

create table timpora_meeting (
  id          bigint generated always as identity primary key,
  held_at     timestamptz not null,
  place       text not null,
  chair       text,
  status      text not null check (status in ('PLANNED', 'HELD')),
  notes       text,
  created_by  text not null,
  created_at  timestamptz not null,
  version     int not null
);

create table meeting_item (
  meeting_id  bigint not null references timpora_meeting (id) on delete cascade,
  alert_id    bigint not null references alert (id),
  position    int not null,
  decision    text,
  primary key (meeting_id, alert_id)
);

create table meeting_view (
  meeting_id  bigint not null references timpora_meeting (id) on delete cascade,
  alert_id    bigint not null references alert (id),
  agency      text not null,
  view        text not null,
  primary key (meeting_id, alert_id, agency)
);

create table meeting_attendance (
  meeting_id  bigint not null references timpora_meeting (id) on delete cascade,
  agency      text not null,
  attendee    text not null,
  primary key (meeting_id, agency, attendee)
);
