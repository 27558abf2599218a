-- Managing shares (issue 13): change, revoke, re-send, expiry.

-- Who made a change that a user asked for (PATCH, DELETE, re-send); null for changes reported by other services and
-- for the expiry sweep.
alter table share_history add column actor_user_id uuid;

-- How many times the invitation was re-sent (POST /v1/shares/{id}/notifications): the next re-send is attempt
-- resend_count + 1, part of the e-mail's Message-ID (one new e-mail per explicit re-send).
alter table share add column resend_count integer not null default 0 check (resend_count >= 0);

-- The expiry sweep finds the shares whose expiry passed but whose stored status does not say so yet.
create index share_expiry_due_idx on share (expires_at)
    where expires_at is not null and status in ('PENDING', 'ACTIVE', 'NOTIFICATION_FAILED');
