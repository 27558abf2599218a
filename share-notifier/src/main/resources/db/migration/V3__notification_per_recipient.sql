-- Shares by link (issue 11): one ShareLinkCreated asks for one e-mail per recipient, so one event now has one row per
-- recipient. The key becomes (event_id, recipient_position): the position of the recipient in the event, 0 for the
-- single recipient of a ShareRequested or ShareNotificationRequested (every row written before this version). A
-- replayed event still finds its rows (and processed_event) and sends nothing. Addresses of one link that differ only
-- in case are one recipient: the notifier folds them before it writes (LinkNotificationRequest).
--
-- share_type   person (a direct share's invitation or re-send) | link (a share by link, e-mailed to one recipient);
--              what the invitation column holds: a link's adds 'audience' and 'linkName'
alter table notification
    add column recipient_position integer     not null default 0,
    add column share_type         varchar(10) not null default 'person';

alter table notification add constraint notification_share_type check (share_type in ('person', 'link'));
alter table notification add constraint notification_recipient_position check (recipient_position >= 0);

alter table notification drop constraint notification_pkey;
alter table notification add primary key (event_id, recipient_position);

comment on column notification.recipient_position is 'The recipient''s position among the asking event''s recipients (duplicates folded); 0 for a direct share.';
comment on column notification.share_type is 'person: a direct share''s invitation or re-send; link: a share by link, to one of its recipients.';
