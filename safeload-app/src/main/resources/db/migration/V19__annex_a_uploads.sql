-- An Ofsted Annex A workbook uploaded through the pages, kept between reading it (the mapping
-- report, the names to match) and importing it (docs/annex-a.md, "In the app"): in the database,
-- so any app instance can serve the next step, and in parts of at most a megabyte, so no instance
-- holds a large workbook in memory to write or read it. Removed when it is imported, when its
-- owner uploads another, or a day after it was uploaded.

create table annex_a_upload (
  token varchar(64) primary key,
  owner varchar(100) not null,
  file_name varchar(255) not null,
  size_bytes bigint not null,
  skip_invalid boolean not null,
  extract_date date,
  uploaded_at timestamp with time zone not null
);

create index annex_a_upload_owner on annex_a_upload (owner);
create index annex_a_upload_uploaded_at on annex_a_upload (uploaded_at);

create table annex_a_upload_part (
  token varchar(64) not null,
  seq int not null,
  bytes bytea not null,
  constraint annex_a_upload_part_pk primary key (token, seq),
  constraint annex_a_upload_part_fk foreign key (token)
    references annex_a_upload (token) on delete cascade
);
