-- A person's, object's or alert's `record` is the whole source record: it
-- is written whole, read whole and never queried inside (searching uses the
-- columns and keys beside it). As json it is stored as the text it was
-- written in and only checked for validity, where jsonb is parsed into a
-- binary tree on every write: measured on PGlite, COPY of 100,000 persons
-- 2.7–3.1 s as jsonb, 1.9–2.0 s as json, and a search's json_agg of 150
-- candidate records 3.0–3.4 ms against 1.9–2.2 ms. Upserts still compare
-- records as jsonb (key order and spacing do not make a change).
alter table persons alter column record type json using record::json;
alter table objects alter column record type json using record::json;
alter table alerts alter column record type json using record::json;
