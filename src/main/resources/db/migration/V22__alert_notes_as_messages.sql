-- What changed in an alert's facts is kept as a message key with its arguments, rendered in the reader's language
-- when shown; facts_note stays for the notes written before, in Indonesian.
alter table alert add column facts_note_key text;
alter table alert add column facts_note_args text;
