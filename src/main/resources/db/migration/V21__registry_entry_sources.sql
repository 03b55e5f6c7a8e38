-- Which record a name or a document came from (a village report's number), so that a person's page can say
-- "laporan LAP-8172012001-2026-0008" beside what the village wrote.
alter table person_name add column source_ref text;
alter table travel_document add column source_ref text;
