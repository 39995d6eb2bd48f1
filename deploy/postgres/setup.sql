-- Glasshouse job repository on PostgreSQL: database, schema and the two roles (docs/operations.md).
-- Run once as a superuser (or a role with CREATEDB and CREATEROLE):
--   psql -v ON_ERROR_STOP=1 -v db=glasshouse -v owner=glasshouse_owner -v owner_password='...' \
--        -v app=glasshouse -v app_password='...' -f deploy/postgres/setup.sql
-- The owner role owns the schema and creates the Spring Batch tables once; the application role, which the
-- nightly and the scheduler use every day, can only read and write rows: no DDL, no DELETE, no other schema.

CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"app" LOGIN PASSWORD :'app_password';
CREATE DATABASE :"db" OWNER :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"app";

\connect :"db"
REVOKE ALL ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA glasshouse AUTHORIZATION :"owner";
GRANT USAGE ON SCHEMA glasshouse TO :"app";
-- Tables and sequences the owner creates later are readable and writable by the application role.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA glasshouse GRANT SELECT, INSERT, UPDATE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA glasshouse GRANT USAGE, SELECT ON SEQUENCES TO :"app";
ALTER ROLE :"owner" IN DATABASE :"db" SET search_path = glasshouse;
ALTER ROLE :"app" IN DATABASE :"db" SET search_path = glasshouse;
