-- Follow-up (tindak lanjut): a decision taken in a TIMPORA meeting is also an action in its alert's history, linked
-- to the meeting it was taken in; an alert's decisions are looked up from the alert.
alter table alert_action add column meeting_id bigint references timpora_meeting (id);
create index meeting_item_alert_idx on meeting_item (alert_id);
