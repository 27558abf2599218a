-- The organisation's sharing policy (DESIGN.md "Organisation sharing policy"). No row = the default, which allows
-- everything. Domains lower case and sorted (empty = any domain; a domain also allows its subdomains); audiences in the
-- order anyone, organization, users, password (empty = no link may be made).
create table sharing_policy (
    organization_id           uuid        primary key,
    max_role                  varchar(20) not null check (max_role in ('viewer', 'downloader', 'contributor', 'manager')),
    allowed_recipient_domains text[]      not null,
    link_audiences            text[]      not null,
    max_expiry_days           int         check (max_expiry_days between 1 and 3650),
    require_expiry            boolean     not null,
    check (not require_expiry or max_expiry_days is not null)
);

-- Every change of a policy, written in the change's transaction: who (as their token named them), when, the policy
-- before and after (the API's JSON form). A PUT that changes nothing writes none.
create table sharing_policy_change (
    id               bigint       generated always as identity primary key,
    organization_id  uuid         not null,
    changed_at       timestamptz  not null,
    changed_by       uuid         not null,
    changed_by_name  varchar(255),
    changed_by_email varchar(320),
    before           jsonb        not null,
    after            jsonb        not null
);
create index sharing_policy_change_organization_idx on sharing_policy_change (organization_id, id desc);

-- The role a share was asked for when the policy's maxRole lowered it; null when it got what was asked.
alter table share add column requested_role varchar(20)
    check (requested_role in ('viewer', 'downloader', 'contributor', 'manager'));
