-- A worker's vetting (docs/workforce.md, "Vetting and clearance"): the DBS check, the Social Work
-- England register entry, references, right to work and, for agency workers, the substantive role
-- they last left, as one validated document per worker (never a copy of a certificate). Who
-- recorded it last and when; each change is in the audit trail.

create table worker_vetting (
  worker_id bigint primary key references worker (id),
  document varchar(20000) not null,
  updated_at timestamp with time zone not null,
  updated_by varchar(100) not null
);

-- The council's region (for the DfE agency rules' 3-month rule: an agency engagement within 3 months
-- of leaving a council in the same region is blocked); empty until set.
alter table council add column region varchar(100);
