-- Issue 19: nothing about a signed-in user lives in one instance's memory, so that any of several instances on this
-- database can answer any user, and N instances give a password guesser no more attempts than one.

-- Sessions (Spring Session JDBC): the schema spring-session-jdbc 4.0 ships for PostgreSQL
-- (org/springframework/session/jdbc/schema-postgresql.sql), created here rather than by Spring Boot's initializer
-- (spring.session.jdbc.initialize-schema=never). The names are unquoted, so PostgreSQL keeps them in lower case.
CREATE TABLE SPRING_SESSION (
	PRIMARY_ID CHAR(36) NOT NULL,
	SESSION_ID CHAR(36) NOT NULL,
	CREATION_TIME BIGINT NOT NULL,
	LAST_ACCESS_TIME BIGINT NOT NULL,
	MAX_INACTIVE_INTERVAL INT NOT NULL,
	EXPIRY_TIME BIGINT NOT NULL,
	PRINCIPAL_NAME VARCHAR(100),
	CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
	SESSION_PRIMARY_ID CHAR(36) NOT NULL,
	ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
	ATTRIBUTE_BYTES BYTEA NOT NULL,
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION(PRIMARY_ID) ON DELETE CASCADE
);

-- The login throttle (LoginThrottle): wrong passwords and codes counted per account and address ('pair:account|address'),
-- per address over all accounts ('ip:address') and per account over all addresses ('user:account'). A counter whose
-- last failure is an hour old counts from one again; such rows are deleted as new failures come in.
create table login_failure (
  key       text primary key,
  failures  int not null check (failures > 0),
  last_at   timestamptz not null
);
create index login_failure_last_at_idx on login_failure (last_at);

-- Addresses an account signed in from: for 30 days the per-account limit does not hold the account back there.
create table login_trusted_address (
  username    text not null,
  address     text not null,
  trusted_at  timestamptz not null,
  primary key (username, address)
);
create index login_trusted_address_at_idx on login_trusted_address (trusted_at);

-- The burst limit (LoginBurstFilter): login attempts per address in the current clock minute (epoch minute).
create table login_burst (
  address   text primary key,
  minute    bigint not null,
  attempts  int not null check (attempts > 0)
);
create index login_burst_minute_idx on login_burst (minute);
