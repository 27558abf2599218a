-- Issue 12: the registration link reaches the new recipient by e-mail (RegistrationLinkIssued), re-invites, sign-in.
--
-- A user has at most one live registration token: issuing a new one (a later share after the old one expired, a
-- re-invite) supersedes the ones before it, which then answer 410 like a used one. Tokens issued before this version
-- were never delivered to anyone (they were only logged, in local-stack): all but each user's newest are superseded.
alter table registration_token add column superseded_at timestamptz;

update registration_token t
set superseded_at = now()
where t.used_at is null
  and exists (select 1 from registration_token newer
              where newer.user_id = t.user_id and newer.used_at is null
                and (newer.created_at, newer.token_hash) > (t.created_at, t.token_hash));

create unique index registration_token_live_uq on registration_token (user_id)
    where used_at is null and superseded_at is null;

comment on column registration_token.superseded_at is 'When a newer token of the same user replaced this one (410 from then on); null while it is the newest.';

-- Failed attempts, for the limits on guessing: per registration token (10 in 15 minutes by default) and per e-mail
-- address at POST /v1/authentications. Only hashes are kept: subject_hash is the SHA-256 (lower-case hex) of the token
-- (the same value as registration_token.token_hash) or of the e-mail address in lower case, so neither a token nor an
-- address someone tried is stored. Rows older than the window are deleted as new failures come in.
create table failed_attempt (
    kind         varchar(20) not null check (kind in ('registration', 'authentication')),
    subject_hash char(64)    not null,
    failed_at    timestamptz not null
);

create index failed_attempt_subject_idx on failed_attempt (kind, subject_hash, failed_at);
create index failed_attempt_time_idx on failed_attempt (failed_at);
