-- The case activity's change number: every write of case events or children takes this row first
-- (select ... for update), so writes happen one at a time across app instances and event ids grow in
-- commit order; each instance reads the number to know when to read the events stored since.

create table case_activity_version (
  id integer primary key,
  version bigint not null
);

insert into case_activity_version (id, version) values (1, 0);
