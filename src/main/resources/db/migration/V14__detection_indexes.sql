-- What the detection rules look up per person (measured with bench/detect, see bench/README.md):
-- * PRESENT_AFTER_DEPARTURE looks for village reports about a person after their departure: without an index on the
--   report's person every departed person scanned all village reports (5 minutes for 20,000 reports).
-- * OVERSTAY, PERMIT_EXPIRING and PRESENT_AFTER_DEPARTURE ask for a person's latest arrival or departure; linked
--   crossings only (person_id is empty when a crossing arrives, so imports do not pay for this index).
create index village_report_person_idx on village_report (person_id, created_at) where person_id is not null;
create index crossing_person_movement_idx on crossing (person_id, direction, crossed_at)
  where person_id is not null;
