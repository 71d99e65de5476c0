-- OrleansAI audit log: every access to a dataset, model version, result or key material.
-- Append-only for the application: rows are inserted, never changed; only rows older than the
-- seven-day floor can be deleted (the retention job does), so a compromised Api or silo cannot
-- erase its recent traces. A database owner can still drop the trigger: ship the table elsewhere
-- for protection against the operator (docs/security.md).
CREATE TABLE IF NOT EXISTS oai_audit (
    id         bigserial PRIMARY KEY,
    first_at   timestamptz  NOT NULL,
    last_at    timestamptz  NOT NULL,
    count      integer      NOT NULL CHECK (count > 0),
    actor      varchar(200) NOT NULL,
    action     varchar(64)  NOT NULL,
    resource   varchar(300) NOT NULL,
    owner      varchar(64)  NOT NULL,
    source     varchar(100) NOT NULL,
    allowed    boolean      NOT NULL,
    detail     varchar(500),
    CHECK (last_at >= first_at)
);

-- Owners read their own entries newest first; retention deletes by age.
CREATE INDEX IF NOT EXISTS oai_audit_owner_id ON oai_audit (owner, id DESC);
CREATE INDEX IF NOT EXISTS oai_audit_last_at ON oai_audit (last_at);

CREATE OR REPLACE FUNCTION oai_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.last_at < now() - interval '7 days' THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'oai_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

DROP TRIGGER IF EXISTS oai_audit_rows_append_only ON oai_audit;
CREATE TRIGGER oai_audit_rows_append_only BEFORE UPDATE OR DELETE ON oai_audit
    FOR EACH ROW EXECUTE FUNCTION oai_audit_append_only();
DROP TRIGGER IF EXISTS oai_audit_table_append_only ON oai_audit;
CREATE TRIGGER oai_audit_table_append_only BEFORE TRUNCATE ON oai_audit
    FOR EACH STATEMENT EXECUTE FUNCTION oai_audit_append_only();
