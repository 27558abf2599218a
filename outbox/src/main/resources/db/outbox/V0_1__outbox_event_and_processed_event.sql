-- Column names follow Debezium's outbox event router (id, aggregatetype, aggregateid, type, payload),
-- so a deployment running Kafka Connect can replace the relay by CDC without a schema change.
--
-- One table, two partitions by "is it pending?": the relay's scan reads only the pending
-- partition, however many published rows are kept for replays, and marking a row published moves
-- it to the other partition. A partial "where published_at is null" index would keep the scan
-- cheap too, but every mark would then rewrite the row in place and add index entries for it,
-- and the scan would walk the dead entries until vacuum: the benchmark drained half as fast.
create table outbox_event (
    -- Commit-order cursor for the relay. Never used as a "> last seen" watermark: the relay always
    -- scans every pending row, so a transaction that commits late with a lower seq is not lost.
    seq           bigint generated always as identity,
    -- No unique index: a unique constraint on a partitioned table must include the partition key,
    -- and the writer generates a random UUID per event, so an index would only slow every insert.
    id            uuid         not null,
    aggregatetype varchar(255) not null,
    aggregateid   varchar(255) not null,
    type          varchar(255) not null,
    payload       bytea        not null,
    headers       jsonb        not null default '{}'::jsonb,
    topic         varchar(249) not null,
    created_at    timestamptz  not null default now(),
    published_at  timestamptz
) partition by list ((published_at is null));

create table outbox_event_pending partition of outbox_event for values in (true);
create table outbox_event_published partition of outbox_event for values in (false);

-- The relay reads pending rows in seq order.
create index outbox_event_pending_seq_idx on outbox_event_pending (seq);
-- Rows arrive in the published partition in published_at order, so a BRIN index finds the
-- expired ones for cleanup at a fraction of a B-tree's size and upkeep.
-- autosummarize: ranges filled since the last vacuum are summarised as they fill, not left unsearchable.
create index outbox_event_published_at_idx on outbox_event_published using brin (published_at)
    with (autosummarize = on);

-- One NOTIFY per writing transaction (same channel and payload are folded by PostgreSQL),
-- delivered at commit: the relay wakes at once instead of waiting for its slow poll.
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end;
$$;

create trigger outbox_event_notify
    after insert on outbox_event
    for each statement execute function outbox_event_notify();

-- The processed-event log of idempotent consumers: an event id is recorded in the same
-- transaction as the effect, so a redelivered or replayed event changes nothing twice.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
