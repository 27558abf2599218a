-- The registration e-mail (issue 12): user-provisioner's RegistrationLinkIssued asks for one e-mail to a new user,
-- "finish creating your account", with the registration link sealed. It is a notification like the others — a row
-- of the send log, retried, failed for good, never sent twice for one event — but of a user, not of a share:
--
-- share_type  'registration' (besides 'person' and 'link')
-- user_id     the user the link registers; set for a registration row only
-- share_id    null for a registration row (the share that led to it, if any, is in invitation ->> 'shareId')
-- invitation  for a registration row: organizationName, inviterName, inviterEmail, expiresAt, reason, shareId
-- link_sealed the registration link, sealed (SealedFields, context 'registration/' || user_id); erased once final
--
-- A registration row reports nothing on share.notifications.v1 (that topic is about shares); its outcome is this row,
-- the log and the metrics. A link that does not open is written as a FAILED row at once, with the cause.
alter table notification
    add column user_id uuid,
    alter column share_id drop not null,
    alter column share_type type varchar(20);

alter table notification drop constraint notification_share_type;
alter table notification add constraint notification_share_type
    check (share_type in ('person', 'link', 'registration'));

alter table notification add constraint notification_registration_is_of_a_user
    check ((share_type = 'registration') = (user_id is not null) and (share_type = 'registration') = (share_id is null));

create index notification_user_idx on notification (user_id) where user_id is not null;

comment on column notification.user_id is 'registration: the user the registration link is for; null for a share''s e-mail.';
comment on column notification.share_type is 'person: a direct share''s invitation or re-send; link: a share by link, to one of its recipients; registration: a new user''s registration link.';
