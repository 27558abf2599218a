-- Stuck shares (DESIGN.md "No share stuck"): the stuck-share sweep fails the invitation of a share that has had no
-- outcome for too long after it was last asked for one, and flags it.

-- When an outcome was last asked for: the share's creation, then each re-send (POST /v1/shares/{id}/notifications).
alter table share add column requested_at timestamptz;
update share set requested_at = created_at;
alter table share alter column requested_at set not null;
alter table share alter column requested_at set default now();

-- When the sweep flagged the share stuck; null = not flagged. A re-send clears it (the share is asked again).
alter table share add column stuck_at timestamptz;

-- The sweep looks for live shares not flagged yet, oldest request first.
create index share_stuck_due_idx on share (requested_at)
    where stuck_at is null and status in ('PENDING', 'NOTIFICATION_FAILED', 'ACTIVE');
-- The gauge shareflow.shares.stuck counts the flagged ones.
create index share_stuck_idx on share (stuck_at) where stuck_at is not null;
