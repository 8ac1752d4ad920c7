-- The case activity is read from memory (docs/architecture.md, "Case activity in memory"): the table
-- is only streamed in id order and checked for event ids, so the indexes on case and time served no
-- query and slowed every import (each stored row updated both).
drop index case_event_case;
drop index case_event_time;
