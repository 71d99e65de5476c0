-- 001_orleans_main.sql
--
-- Why this file exists: every Orleans ADO.NET provider (clustering, grain
-- persistence, reminders) starts by reading its SQL text from OrleansQuery,
-- keyed by QueryKey, instead of carrying SQL in the binaries. The NuGet
-- packages ship no PostgreSQL scripts, so we own this catalogue. The later
-- files (002..004) register their queries here, so this one must run first.
--
-- Rules that all four files follow, because the Silo re-applies them on every
-- start and several silos may start at once:
--   * idempotent: IF NOT EXISTS / CREATE OR REPLACE / ON CONFLICT upserts, so a
--     re-run converges on the current text instead of failing or duplicating;
--   * no psql meta-commands and no BEGIN/COMMIT, so the same file runs under
--     `psql -v ON_ERROR_STOP=1 -f` and as one multi-statement Npgsql command
--     (which PostgreSQL executes as a single implicit transaction);
--   * the advisory lock below serialises concurrent appliers when the file is
--     sent as one command; under psql autocommit it is simply a no-op.

SELECT pg_advisory_xact_lock(7305166401);

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,

    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);
