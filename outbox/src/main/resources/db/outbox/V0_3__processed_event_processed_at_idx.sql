-- The relay deletes processed_event rows older than shareflow.outbox.processed-event-retention,
-- oldest first in batches: this index finds them without reading the table.
-- A B-tree, not BRIN as on the published partition: the deleted rows' space is reused by new
-- inserts, so the heap order stops following processed_at and BRIN ranges would soon cover
-- every time.
-- Not "concurrently": Flyway holds its PostgreSQL lock in an open transaction, which such a build
-- waits for forever. The plain build holds up the consumers' inserts while it runs (seconds for
-- millions of rows).
create index processed_event_processed_at_idx on processed_event (processed_at);
