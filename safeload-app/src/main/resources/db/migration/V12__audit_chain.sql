-- The audit trail is append-only and chained (docs/architecture.md, "Audit trail"): each entry
-- carries a keyed hash of its own values written with it (row_mac), and a background sealer gives
-- it its place in the chain (seq) and a keyed hash over that place, its row_mac and the previous
-- entry's mac. The key comes from configuration and is never stored in the database.

alter table audit_event add column row_mac varchar(64);
alter table audit_event add column seq bigint;
alter table audit_event add column mac varchar(64);

create unique index audit_event_seq on audit_event (seq);

-- The end of the chain so far, one row, locked by the sealer (so two app instances take turns).
-- legacy_to: entries written before this migration have no row_mac; they are sealed as found.
create table audit_chain_head (
  id int primary key,
  seq bigint not null,
  mac varchar(64) not null,
  legacy_to bigint not null
);

insert into audit_chain_head (id, seq, mac, legacy_to)
select 1, 0, '', coalesce(max(id), 0) from audit_event;
