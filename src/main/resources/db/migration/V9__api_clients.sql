-- Systems that call the JSON API with a token instead of a user's session: Immigration's feed that posts crossings,
-- and partner systems that read. Only the token's SHA-256 is kept; the token itself is shown once, when issued.
create table api_client (
  id               bigint generated always as identity primary key,
  name             text not null unique check (name ~ '^[a-z0-9._-]{3,40}$'),
  kind             text not null check (kind in ('IMIGRASI_FEED', 'PARTNER')),
  role             text not null check (role in ('IMIGRASI', 'KESBANGPOL', 'TIMPORA')),
  scope_code       text references region (code),
  token_hash       char(64) not null unique,
  token_prefix     text not null,
  enabled          boolean not null,
  created_at       timestamptz not null,
  created_by       text not null,
  token_issued_at  timestamptz not null,
  last_used_at     timestamptz,
  check ((kind = 'IMIGRASI_FEED') = (role = 'IMIGRASI'))
);
create index api_client_prefix_idx on api_client (token_prefix);
