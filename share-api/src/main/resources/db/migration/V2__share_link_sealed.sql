-- The share's URL (which holds the link token), sealed with SealedFields of io.shareflow:schemas (AES-256-GCM,
-- context: the share id) under the current key of shareflow.events.seal-key - the same bytes as in the share's
-- ShareRequested. Kept so that GET /v1/shares/{id} can show the url again to whoever may change the share, and a
-- re-send can e-mail the same link. Lookup stays by link_token_hash.
-- Null for shares created before this migration: only the token's hash was kept, so their URL cannot be recovered
-- (no backfill is possible) and is not shown again.
alter table share add column link_sealed bytea;

-- The id of the key that sealed link_sealed (null with it). After a key rotation, share-api re-seals the rows
-- under other keys with the current one (LinkResealing), so the old key can then be dropped.
alter table share add column link_key_id varchar(32);
create index share_link_key_idx on share (link_key_id);
alter table share add constraint share_link_sealed_with_key check ((link_sealed is null) = (link_key_id is null));
