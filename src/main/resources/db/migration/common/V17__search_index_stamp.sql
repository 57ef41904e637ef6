-- The stamp of the last clean stop (IndexInStepMarker): the search index's marker holds the same stamp, so a
-- database replaced behind a stopped server (a restored backup, another instance's file) no longer matches it and
-- the next start compares every paper with the index (issue 16).
CREATE TABLE search_index_stamp (id INTEGER PRIMARY KEY CHECK (id = 1), stamp TEXT NOT NULL);
