-- One database per service (DESIGN.md: each service owns its data).
create database share_api;
create database user_provisioner;
create database share_notifier;
