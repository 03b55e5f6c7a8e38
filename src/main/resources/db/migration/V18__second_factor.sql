-- The second factor of accounts whose role needs one (pantau.security.totp-roles): a TOTP secret, encrypted by the
-- application (AES-GCM, key outside the database), and the last time step accepted, so that no code is used twice.
create table user_second_factor (
  user_id     bigint primary key references user_account (id) on delete cascade,
  secret      text not null,
  enrolled_at timestamptz not null,
  last_step   bigint not null default 0
);

-- Recovery codes, each usable once, for a lost phone; only their SHA-256 is kept.
create table user_recovery_code (
  user_id   bigint not null references user_account (id) on delete cascade,
  code_hash text not null,
  used_at   timestamptz,
  primary key (user_id, code_hash)
);
