-- The placement docs/scaling.md (section 3) proposes for every table of Pantau's schema under Citus, distributed by
-- regency code. docs/citus/check loads this beside the real schema and checks it with docs/citus/fit.sql.
--   placement:    distributed (hash on regency_code, all in one co-location group), reference (a copy on every node),
--                 local (on the coordinator only)
--   regency_from: for a distributed table, where a row's regency comes from (a column, or the row it belongs to)
--   follows:      the tables whose row's regency a row takes by definition (its foreign key to such a table can then
--                 hold as (regency_code, ...)); null when the regency comes from the row's own column
create temporary table citus_plan (
  table_name   text primary key,
  placement    text not null check (placement in ('distributed', 'reference', 'local')),
  regency_from text,
  follows      text[],
  check ((placement = 'distributed') = (regency_from is not null))
);

insert into citus_plan values
  -- reference: the same for every region, small, joined with everything
  ('region',                  'reference',   null, null),
  ('island',                  'reference',   null, null),
  ('country',                 'reference',   null, null),
  ('port_of_entry',           'reference',   null, null),
  ('permit_type',             'reference',   null, null),
  ('vessel',                  'reference',   null, null),
  ('village_point',           'reference',   null, null),
  ('rule_setting',            'reference',   null, null),
  ('import_batch',            'reference',   null, null),
  -- the registry: a person and every row of theirs on the shard of the person's home regency
  ('person',                  'distributed', 'home regency: the regency of the current residence, else of the record that created the person', null),
  ('person_name',             'distributed', 'its person', '{person}'),
  ('travel_document',         'distributed', 'its person', '{person}'),
  ('stay_permit',             'distributed', 'its person', '{person}'),
  ('residence',               'distributed', 'its person (a past residence elsewhere keeps its own region_code)', '{person}'),
  ('vessel_assignment',       'distributed', 'its person', '{person}'),
  ('identity_link',           'distributed', 'its person', '{person}'),
  ('humanitarian_flag',       'distributed', 'its person', '{person}'),
  ('person_status_change',    'distributed', 'its person', '{person}'),
  -- village reports and the monthly reports: the village's regency
  ('village_report',          'distributed', 'village_code', null),
  ('report_event',            'distributed', 'its report', '{village_report}'),
  ('report_agency_view',      'distributed', 'its report', '{village_report}'),
  ('report_counter',          'distributed', 'village_code', null),
  ('periodic_report',         'distributed', 'village_code', null),
  ('periodic_report_version', 'distributed', 'its periodic report', '{periodic_report}'),
  ('periodic_month_closing',  'distributed', 'village_code', null),
  -- crossings: the regency of the port (port_of_entry has no regency yet)
  ('crossing',                'distributed', 'port_code, through a new port_of_entry.regency_code', null),
  ('crossing_staging',        'distributed', 'port_code, computed by the import before COPY', null),
  -- matching: the regency of the record compared (a report's village, a crossing's port)
  ('match_case',              'distributed', 'its record: a report''s village, a crossing''s port', null),
  ('match_candidate',         'distributed', 'its case', '{match_case}'),
  -- follow-up: an alert about a person lives with the person; about a village, in the village's regency
  ('alert',                   'distributed', 'its person''s home regency (PERSON), the village''s (VILLAGE), the first holder''s (DOCUMENT)', '{person}'),
  ('alert_action',            'distributed', 'its alert (a meeting decides only on alerts of its own regency)', '{alert,timpora_meeting}'),
  ('timpora_meeting',         'distributed', 'the regency whose TIMPORA meets (no column today)', null),
  ('meeting_item',            'distributed', 'its meeting, which takes only alerts of its own regency', '{timpora_meeting,alert}'),
  ('meeting_view',            'distributed', 'its meeting, which takes only alerts of its own regency', '{timpora_meeting,alert}'),
  ('meeting_attendance',      'distributed', 'its meeting', '{timpora_meeting}'),
  -- the counts kept for the dashboard (V32, V34): each delta row on the shard of the rows it counts
  ('person_present_count',    'distributed', 'region_code (the village; null for persons with no village: the home regency)', null),
  ('village_report_state_count', 'distributed', 'village_code', null),
  ('crossing_month_count',    'distributed', 'the crossing''s port, through a new regency_code column (none today)', null),
  ('open_alert_count',        'distributed', 'region_code (the village; null for alerts with no village: the home regency of the alert''s subject)', null),
  -- local on the coordinator: single-writer state, accounts, the one-off lists, import bookkeeping
  ('audit_event',             'local',       null, null),
  ('event_publication',       'local',       null, null),
  ('user_account',            'local',       null, null),
  ('user_second_factor',      'local',       null, null),
  ('user_recovery_code',      'local',       null, null),
  ('api_client',              'local',       null, null),
  ('notification',            'local',       null, null),
  ('rule_run',                'local',       null, null),
  ('import_row_error',        'local',       null, null),
  ('import_mapping',          'local',       null, null),
  ('crossing_value_mapping',  'local',       null, null),
  ('match_batch',             'local',       null, null),
  ('match_model',             'local',       null, null),
  ('person_list',             'local',       null, null),
  ('person_list_row',         'local',       null, null),
  ('crew_list_import',        'local',       null, null),
  ('flyway_schema_history',   'local',       null, null),
  -- state shared by the instances (issue 19): sessions, login counters, job locks, uploads, the audit queue
  ('spring_session',          'local',       null, null),
  ('spring_session_attributes', 'local',     null, null),
  ('login_failure',           'local',       null, null),
  ('login_trusted_address',   'local',       null, null),
  ('login_burst',             'local',       null, null),
  ('shedlock',                'local',       null, null),
  ('import_slot',             'local',       null, null),
  ('import_job',              'local',       null, null),
  ('audit_pending',           'local',       null, null);
