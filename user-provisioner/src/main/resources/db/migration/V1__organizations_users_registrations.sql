create table organization (
    id         uuid         not null primary key,
    name       varchar(200) not null,
    created_at timestamptz  not null default now()
);

create table app_user (
    id              uuid         not null primary key,
    organization_id uuid         not null references organization (id),
    email           varchar(254) not null,
    display_name    varchar(200),
    status          varchar(20)  not null check (status in ('ACTIVE', 'DEACTIVATED')),
    -- BCrypt hash; null until the user registers (or for users whose sign-in is elsewhere).
    password_hash   varchar(100),
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now()
);

-- E-mail addresses are unique case-insensitively. Inserts use "on conflict (lower(email))" against
-- this index, so concurrent provisioning of the same new recipient creates one user.
create unique index app_user_email_uq on app_user (lower(email));
create index app_user_organization_idx on app_user (organization_id, created_at, id);

-- Only the SHA-256 of a registration token is stored: a database leak does not leak usable links.
create table registration_token (
    token_hash char(64)    not null primary key,
    user_id    uuid        not null references app_user (id),
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null default now()
);

create index registration_token_user_idx on registration_token (user_id);
