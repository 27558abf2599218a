-- Rows that Kafka refuses for good (e.g. larger than the producer's max.request.size, or an
-- invalid topic name), moved out of outbox_event so that they hold up neither their key nor the
-- relay. Nothing reads them automatically: an operator fixes the cause and puts them back
-- (runbook in the root README); shareflow.outbox.parked counts them.
create table outbox_event_parked (
    seq           bigint       primary key,
    id            uuid         not null,
    aggregatetype varchar(255) not null,
    aggregateid   varchar(255) not null,
    type          varchar(255) not null,
    payload       bytea        not null,
    headers       jsonb        not null,
    topic         varchar(249) not null,
    created_at    timestamptz  not null,
    parked_at     timestamptz  not null default now(),
    -- The producer's exception: class and message.
    error         text         not null
);
