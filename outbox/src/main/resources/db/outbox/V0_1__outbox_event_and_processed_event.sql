-- Column names follow Debezium's outbox event router (id, aggregatetype, aggregateid, type, payload),
-- so a deployment running Kafka Connect can replace the relay by CDC without a schema change.
create table outbox_event (
    -- Commit-order cursor for the relay. Never used as a "> last seen" watermark: the relay always
    -- scans every unpublished row, so a transaction that commits late with a lower seq is not lost.
    seq           bigint generated always as identity,
    id            uuid         not null primary key,
    aggregatetype varchar(255) not null,
    aggregateid   varchar(255) not null,
    type          varchar(255) not null,
    payload       bytea        not null,
    headers       jsonb        not null default '{}'::jsonb,
    topic         varchar(249) not null,
    created_at    timestamptz  not null default now(),
    published_at  timestamptz
);

-- Keeps the relay's pending scan cheap however many published rows are kept for replays.
create index outbox_event_pending_idx on outbox_event (seq) where published_at is null;
create index outbox_event_published_at_idx on outbox_event (published_at) where published_at is not null;

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
