-- The per-user sharing rate limit (io.shareflow.api.limits): recipients shared with per user and minute of the clock,
-- across all instances. One row per user and window, added to by one atomic upsert; ended windows are swept.
create table sharing_rate_window (
    user_id      uuid        not null,
    window_start timestamptz not null,
    recipients   integer     not null check (recipients > 0),
    primary key (user_id, window_start)
);

-- The sweep deletes by age.
create index sharing_rate_window_start on sharing_rate_window (window_start);
