-- Issue 19: several Pantau instances on one database. What ran in one JVM's memory and must now hold for all of them.

-- platform: ShedLock's lock per scheduled job (its documented PostgreSQL table): a job runs where it took the row, and
-- every other instance skips that run. The times are the database's (ShedLock's usingDbTime), in UTC.
create table shedlock (
  name       varchar(64)  not null primary key,
  lock_until timestamp    not null,
  locked_at  timestamp    not null,
  locked_by  varchar(255) not null
);
