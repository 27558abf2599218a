-- A link is a share (type 'link'): it has no single recipient, is ACTIVE from its creation (no provisioning, and
-- its e-mails are tracked per recipient in share_link_recipient, not in share.notification), and is opened by
-- whoever its audience lets in. Direct shares are type 'person'.
alter table share add column type varchar(10) not null default 'person' check (type in ('person', 'link'));
alter table share alter column type drop default;
alter table share alter column recipient_email drop not null;
alter table share add constraint share_person_has_recipient check (type = 'link' or recipient_email is not null);

-- Who may open a link; null for direct shares (their recipient, see requireSignIn).
alter table share add column audience varchar(20)
    check (audience in ('anyone', 'organization', 'users', 'password'));
alter table share add constraint share_link_has_audience check ((type = 'link') = (audience is not null));
-- The link's display name.
alter table share add column name varchar(255);
-- A password link's password, only as a slow salted hash (spring-security-crypto's encoded form, which names its
-- algorithm); null for every other share.
alter table share add column password_hash varchar(255);
alter table share add constraint share_password_iff_audience
    check ((audience = 'password') = (password_hash is not null) or audience is null and password_hash is null);
-- A direct share that never opens without sign-in as its recipient (Graph's requireSignIn).
alter table share add column require_sign_in boolean not null default false;
create index share_organization_type_idx on share (organization_id, type);

-- The recipients of a link: for audience 'users' who may open it (signed in), for the others who it is e-mailed
-- to. notification is the state of that recipient's e-mail: PENDING | SENT | FAILED | SKIPPED.
create table share_link_recipient (
    share_id     uuid         not null references share (id),
    position     int          not null,
    email        varchar(320) not null,
    user_id      uuid,
    notification varchar(20)  not null check (notification in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    updated_at   timestamptz  not null,
    primary key (share_id, position)
);
create unique index share_link_recipient_email_idx on share_link_recipient (share_id, lower(email));
create index share_link_recipient_user_idx on share_link_recipient (user_id);

-- Who shared it, as the sharer's token named them when the share was made: the recipient's page and the link's
-- answer say who shared it without asking the directory. Null for shares made before this migration (the page
-- then falls back to the directory replica's display name).
alter table share add column sharer_name varchar(255);
alter table share add column sharer_email varchar(320);
