-- Resources are deleted softly: a deleted resource is not found and not listed, its shares keep their foreign key
-- (share-api revokes them when it deletes the resource, cause resource-deleted).
alter table resource add column deleted_at timestamptz;
alter table resource add column deleted_by uuid;
alter table resource add constraint resource_deleted_by check ((deleted_at is null) = (deleted_by is null));

-- Collections hold resources by reference (a resource can be in many collections of its organisation); folders hold
-- them by parent_id. Items are files and folders (a folder item brings what is below it), never collections.
create table collection_item (
    collection_id uuid        not null references resource (id),
    resource_id   uuid        not null references resource (id),
    added_by      uuid        not null,
    added_at      timestamptz not null,
    primary key (collection_id, resource_id),
    check (collection_id <> resource_id)
);
create index collection_item_resource_idx on collection_item (resource_id);
create index collection_item_listing_idx on collection_item (collection_id, added_at, resource_id);

-- Until now a resource could name a collection as its parent_id: such resources become items of that collection (the
-- kinds a collection may hold; a collection under a collection simply moves to the top level) and leave the tree.
insert into collection_item (collection_id, resource_id, added_by, added_at)
select r.parent_id, r.id, r.created_by, r.created_at
from resource r
join resource c on c.id = r.parent_id
where c.kind = 'collection'
  and r.kind <> 'collection'
  and r.document_type is distinct from 'internal';
update resource r
set parent_id = null
from resource c
where c.id = r.parent_id
  and c.kind = 'collection';

-- GET /v1/shared-with-me finds the caller's shares by user id or address, direct and as a link's recipient.
create index share_recipient_user_idx on share (recipient_user_id);
create index share_link_recipient_email_lower_idx on share_link_recipient (lower(email));
