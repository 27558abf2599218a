-- One trace per share request (issue 15). The W3C traceparent of the span that took the notification from its event:
-- the dispatch worker sends the e-mail later, on its own thread, in a span continuing that trace, so the send's log
-- lines and the NotificationSent/NotificationFailed it publishes belong to the share's trace. Null in the rows written
-- before: their sends start a trace of their own.
alter table notification add column traceparent text;
