-- The catalogue of shareable things. Files carry a document type; folders and collections never do.
create table resource (
    id              uuid         primary key,
    organization_id uuid         not null,
    name            varchar(255) not null,
    kind            varchar(20)  not null check (kind in ('file', 'folder', 'collection')),
    document_type   varchar(30)  check (document_type in ('asset-document', 'maintenance-file', 'internal')),
    asset_id        uuid,
    parent_id       uuid         references resource (id),
    created_by      uuid         not null,
    created_at      timestamptz  not null,
    check ((kind = 'file') = (document_type is not null))
);
create index resource_organization_parent_idx on resource (organization_id, parent_id);
create index resource_organization_created_idx on resource (organization_id, created_at, id);

-- One share per recipient. status is derived from provisioning, notification and user actions
-- (see ShareProgress); it is stored for filtering and for the shares-by-status gauge.
create table share (
    id                uuid          primary key,
    request_id        uuid          not null,
    organization_id   uuid          not null,
    resource_id       uuid          not null references resource (id),
    recipient_email   varchar(320)  not null,
    recipient_user_id uuid,
    role              varchar(20)   not null check (role in ('viewer', 'downloader', 'contributor', 'manager')),
    status            varchar(30)   not null,
    provisioning      varchar(20)   not null,
    notification      varchar(20)   not null,
    notify            boolean       not null,
    subject           varchar(200),
    message           varchar(2000),
    expires_at        timestamptz,
    -- SHA-256 of the link token; the token itself is only ever in the event and the response.
    link_token_hash   bytea         not null unique,
    created_by        uuid          not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null
);
create index share_organization_created_idx on share (organization_id, created_at desc, id);
create index share_resource_idx on share (resource_id);
create index share_organization_recipient_idx on share (organization_id, lower(recipient_email));
create index share_status_idx on share (status);

-- Every change of a share's state, with what caused it.
create table share_history (
    id           bigint       generated always as identity primary key,
    share_id     uuid         not null references share (id),
    status       varchar(30)  not null,
    provisioning varchar(20)  not null,
    notification varchar(20)  not null,
    cause        varchar(200) not null,
    event_id     uuid,
    at           timestamptz  not null
);
create index share_history_share_idx on share_history (share_id, id);

-- Idempotency-Key of POST /v1/shares: the key is stored only as a hash (scoped to the caller), and
-- the response - which holds link tokens - only sealed with a key derived from the Idempotency-Key.
-- The primary key makes two concurrent requests with the same key serialise: the second waits for
-- the first to commit and then replays its response.
create table idempotent_request (
    key_hash      bytea       primary key,
    request_hash  bytea       not null,
    response      bytea,
    created_at    timestamptz not null
);
create index idempotent_request_created_idx on idempotent_request (created_at);

-- Local replica of user-provisioner's directory (user.directory.v1), for the synchronous check that
-- a recipient is not a user of another organisation. The newest occurredAt per user wins.
create table directory_user (
    user_id         uuid         primary key,
    organization_id uuid         not null,
    email_lower     varchar(320) not null,
    display_name    varchar(255),
    status          varchar(20)  not null,
    occurred_at     timestamptz  not null
);
create index directory_user_email_idx on directory_user (email_lower);
