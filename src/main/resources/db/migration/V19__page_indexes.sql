-- Indexes for page queries that bench/explain found reading a large table sequentially (100,000 persons,
-- 1,000,000 crossings, 362,000 match cases, 20,000 village reports from demo-data).

-- The match queue pages sort by the time of the decision, else of the match, within one state (LIMIT 51): walk the
-- cases in that order instead of reading every case of the state and sorting them.
create index match_case_queue_order_idx on match_case (state, (coalesce(decided_at, matched_at)) desc, id desc);

-- The queue's tab counts read every case in scope; a narrow index with exactly the columns they need is read instead
-- of the table (an index-only scan: the cases are about a fifth as wide in it).
create index match_case_counts_idx on match_case (record_kind, state, proposal, region_code);

-- The report list (newest first, 25 a page, filtered by state and village): walk the reports in that order.
create index village_report_recent_idx on village_report (state_since desc, id desc);
