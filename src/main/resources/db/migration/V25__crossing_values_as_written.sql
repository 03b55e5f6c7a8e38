-- Ports and permit types as an export writes them, and what each origin's written values stand for.
--
-- port_code and permit_type keep what reads use: the known code (port_of_entry.code, permit_type.code) once the
-- written value is recognised or mapped, otherwise the written value itself (a port as its case- and space-folded
-- key, since it is part of the natural key). port_written and permit_written keep the value exactly as written, so
-- nothing the file said is lost and a later mapping can still find it. Rows stored before this migration have no
-- written value: their port_code and permit_type are what was written (upper-cased).
alter table crossing add column port_written text;
alter table crossing add column permit_written text;
alter table crossing_staging add column port_written text;
alter table crossing_staging add column permit_written text;

-- A written port or permit type mapped once per origin (import_batch.origin) to a known code; imports from that
-- origin apply it, and mapping applies it to the crossings of that origin already stored. written_key is the written
-- value with case and runs of spaces folded, as id.pantau.crossings.importing.WrittenValues.key computes it.
create table crossing_value_mapping (
  origin      text not null,
  field       text not null check (field in ('PORT', 'PERMIT_TYPE')),
  written_key text not null,
  written     text not null,
  code        text not null,
  updated_at  timestamptz not null,
  updated_by  text not null,
  primary key (origin, field, written_key)
);

-- The mapping page and the mapping itself read a whole origin's crossings through its batches.
create index import_batch_origin_idx on import_batch (origin) where kind = 'CROSSINGS';
