-- Two models: 1 for what villages and lists write (names as heard, ages, no documents), 2 for Immigration's
-- crossings (names from the passport, full birth dates), each estimated from its own records.
alter table match_model drop constraint match_model_id_check;
alter table match_model add constraint match_model_id_check check (id in (1, 2));
