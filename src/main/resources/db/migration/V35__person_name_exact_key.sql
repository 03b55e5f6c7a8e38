-- Issue 19: a name search first looks for persons bearing exactly the name typed (its sorted search key), a B-tree
-- lookup; only when they do not fill the page does it score the trigram candidates, which for a common name are a
-- large part of the registry (17,600 name rows for "AUNG KYAW" at 100,000 persons).
create index person_name_search_key_idx on person_name (search_key);
