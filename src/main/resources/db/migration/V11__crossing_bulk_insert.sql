-- What a crossing row costs to insert, cut to what reads need. A 1,000,000-row import spent most of its time in
-- per-row work that no query uses (measured in bench/README.md):
-- * The foreign keys on nationality and batch_id ran two row-level checks per row. Every nationality an import or
--   the API stores comes from the reference data's resolver, and the batch row is written in the same transaction.
-- * The note_change trigger ran PL/pgSQL per row on insert; column defaults give an inserted row the same numbers.
--   Updates still go through the trigger.
-- * No query searches crossings by name (matching looks up persons, not crossings), so the trigram index goes.
-- * person_id is empty when a crossing arrives; only linked rows are looked up by person.
alter table crossing drop constraint crossing_nationality_fkey;
alter table crossing drop constraint crossing_batch_id_fkey;

alter table crossing alter column change_seq set default nextval('change_seq');
alter table crossing alter column change_xid set default pg_current_xact_id();
drop trigger crossing_note_change on crossing;
create trigger crossing_note_change before update on crossing
  for each row execute function note_change();

drop index crossing_name_trgm_idx;

drop index crossing_person_idx;
create index crossing_person_idx on crossing (person_id) where person_id is not null;
