-- A report the village fixed after BPMPD returned it is told apart from a new one: while it is back at the village
-- the fields the village changes are gathered, and its next submission keeps them with the step.
alter table village_report add column changed_since_return text;
alter table report_event add column changed_fields text;
