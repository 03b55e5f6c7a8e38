-- A village's monthly report can be corrected until BPMPD closes the month. periodic_report keeps the latest version,
-- which is what every count reads (completeness, recap, dashboard, detection); each earlier version is kept in
-- periodic_report_version. submitted_at stays the first sending, so a correction does not make a report late.
alter table periodic_report
  add column version           int not null default 1 check (version >= 1),
  add column corrected_at      timestamptz,
  add column corrected_by      text,
  add column correction_reason text;

-- One row per version that was replaced by a correction, as it was sent.
create table periodic_report_version (
  id                 bigint generated always as identity primary key,
  periodic_report_id bigint not null references periodic_report (id) on delete cascade,
  version            int not null,
  nil                boolean not null,
  foreigners         int not null check (foreigners >= 0),
  note               text,
  sent_at            timestamptz not null,
  sent_by            text not null,
  -- the reason of the correction that made this version (null for the first one)
  reason             text,
  replaced_at        timestamptz not null,
  unique (periodic_report_id, version),
  check (not nil or foreigners = 0)
);

-- BPMPD's "Tutup bulan": after it, a village in its area can neither send nor correct that month's report.
create table periodic_month_closing (
  village_code text not null references region (code),
  month        date not null check (extract(day from month) = 1),
  closed_at    timestamptz not null,
  closed_by    text not null,
  primary key (village_code, month)
);
