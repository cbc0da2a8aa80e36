-- Search keys are compared for equality and sorted only to build indexes.
-- Byte order ("C") sorts them several times faster than the linguistic
-- collation a PostgreSQL server may default to (en_US.UTF-8, C.UTF-8 …),
-- which matters when a bulk load builds the person_keys index over tens of
-- millions of keys, and gives the same order on every server and in PGlite.
alter table person_keys alter column key type text collate "C";
alter table identity_documents alter column number_key type text collate "C";
alter table objects alter column identifier_key type text collate "C";
alter table objects alter column identifier2_key type text collate "C";
