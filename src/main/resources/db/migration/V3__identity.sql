-- User accounts: each has one role, an agency and a territorial scope (a region whose sub-regions it covers;
-- no region means the whole deployment).
create table user_account (
  id                   bigint generated always as identity primary key,
  username             text not null unique check (username = lower(username) and username ~ '^[a-z0-9._-]{3,40}$'),
  full_name            text not null,
  email                text,
  role                 text not null check (role in ('OHOI', 'BPMPD', 'KESBANGPOL', 'IMIGRASI', 'TIMPORA', 'ADMIN')),
  agency               text not null,
  scope_code           text references region (code),
  password_hash        text not null,
  must_change_password boolean not null,
  enabled              boolean not null,
  created_at           timestamptz not null,
  updated_at           timestamptz not null,
  password_changed_at  timestamptz not null,
  last_login_at        timestamptz,
  version              int not null
);
create index user_account_scope_idx on user_account (scope_code text_pattern_ops);
