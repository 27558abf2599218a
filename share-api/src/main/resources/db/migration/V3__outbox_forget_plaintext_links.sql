-- Version-1 ShareRequested events carried the share link in plaintext. Published ones are kept only for
-- replays (retention, 7 days); drop them now, so that no database dump after this upgrade holds a token.
-- Rows not yet published stay: they must still reach Kafka (and are gone from this table once published and
-- past retention). Every ShareRequested written from now on carries the link sealed (version 2).
delete from outbox_event
where published_at is not null
  and type = 'ShareRequested';
