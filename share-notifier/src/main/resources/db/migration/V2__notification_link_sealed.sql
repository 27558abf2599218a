-- The send log keeps the share link sealed and the e-mail is rendered at send time (issue 10: no link token in
-- plaintext in any table). A row no longer holds the rendered e-mail, which contains the link, but what to render:
--
-- invitation   what the e-mail says, without the link (sharerName, sharerEmail, resourceName, resourceKind, role,
--              subject, message, expiresAt); kept when the row is final
-- link_sealed  the link, sealed (io.shareflow.schemas.SealedFields, context = share_id) as it came in the event, or
--              sealed by the notifier under its current key when a version-1 event carried it in plaintext;
--              erased once the row is final
--
-- Rows written before this version hold the rendered e-mail (subject, text_body, html_body) with the link in
-- plaintext. They are drained, not migrated: SQL has no key to seal with, and the link cannot be taken out of a
-- rendered body reliably. The dispatcher sends such a row as it was rendered, and its bodies are erased when it
-- becomes final (as V1 already did). Only PENDING/SENDING rows can still hold them, i.e. for at most the retry
-- window (shareflow.notifier.retry.*, about an hour by default) after the upgrade.
alter table notification
    add column invitation  jsonb,
    add column link_sealed bytea,
    alter column subject drop not null;

-- V1 erased the bodies of every final row; make sure of it before the constraint below holds it for good.
update notification
set text_body = null, html_body = null
where state in ('SENT', 'FAILED') and (text_body is not null or html_body is not null);

-- A final row holds no link, sealed or rendered.
alter table notification add constraint notification_final_holds_no_link
    check (state not in ('SENT', 'FAILED') or (link_sealed is null and text_body is null and html_body is null));

-- A row still to be sent has something to send: what to render (from V2 on) or what was rendered (before V2).
alter table notification add constraint notification_has_content
    check (state in ('SENT', 'FAILED')
        or (invitation is not null and link_sealed is not null)
        or (subject is not null and text_body is not null and html_body is not null));

comment on column notification.subject is 'Before V2 only: the rendered subject. From V2 on null; the e-mail is rendered at send time.';
comment on column notification.text_body is 'Before V2 only: the rendered text, holding the link in plaintext; erased once final.';
comment on column notification.html_body is 'Before V2 only: the rendered HTML, holding the link in plaintext; erased once final.';
comment on column notification.invitation is 'What the e-mail says, without the link; rendered at send time.';
comment on column notification.link_sealed is 'The share link, sealed (SealedFields, context = share_id); erased once final.';
