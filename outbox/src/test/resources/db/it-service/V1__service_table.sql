-- A service's own first migration, for the upgrade test in OutboxAutoConfigurationIT.
create table it_service_thing (id bigint primary key);
