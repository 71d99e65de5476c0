-- 003_orleans_persistence.sql
--
-- Why this file exists: Microsoft.Orleans.Persistence.AdoNet (Invariant
-- "Npgsql") stores grain state in PostgreSQL. At start it loads
-- WriteToStorageKey, ReadFromStorageKey and ClearStorageKey (required) and
-- DeleteStorageKey (needed only with DeleteStateOnClear = true) from
-- OrleansQuery; a missing required key stops the silo.
--
-- Contract notes (Orleans 10.4.2), so the SQL below can be checked against it:
--   * A grain is identified by @GrainIdHash, @GrainIdN0, @GrainIdN1,
--     @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString (NULL for
--     Guid/integer keys without extension) and @ServiceId. The two hashes are
--     only an index aid; the full identity is always compared.
--   * The ETag is the integer Version. The provider sends the ETag it holds as
--     @GrainStateVersion (NULL when it never saw a row) and treats the write as
--     successful only if a different, non-empty version comes back; NULL, no
--     row, or the same number means a concurrent writer won
--     (InconsistentStateException).
--   * Read returns at most one row with PayloadBinary and Version; a row whose
--     payload is NULL (cleared state) still carries its version.
--   * Clear keeps the row with a NULL payload and a new version; Delete removes
--     the row and returns a number different from the old version.
-- Conventions shared by all files (idempotency, no psql meta-commands, one
-- implicit transaction under Npgsql) are described in 001_orleans_main.sql.

SELECT pg_advisory_xact_lock(7305166401);

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdExtensionString text        NULL,
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea       NULL,
    ModifiedOn             timestamptz NOT NULL DEFAULT now(),
    Version                integer     NULL
);

CREATE INDEX IF NOT EXISTS IX_OrleansStorage_GrainIdHash_GrainTypeHash
    ON OrleansStorage (GrainIdHash, GrainTypeHash);

-- Writes a grain state under the ETag check and returns the new version, or
-- NULL when the check fails. First writes (no ETag yet) take a transaction
-- advisory lock on the two hashes so that two activations racing to create the
-- same row are serialised and the loser sees the row of the winner; a unique index
-- is not used because string grain keys are unbounded in length.
CREATE OR REPLACE FUNCTION orleans_storage_write(
    p_grain_id_hash       integer,
    p_grain_id_n0         bigint,
    p_grain_id_n1         bigint,
    p_grain_type_hash     integer,
    p_grain_type_string   text,
    p_grain_id_extension  text,
    p_service_id          text,
    p_expected_version    integer,
    p_payload             bytea)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_new_version integer;
BEGIN
    IF p_expected_version IS NOT NULL THEN
        UPDATE OrleansStorage s
           SET PayloadBinary = p_payload,
               ModifiedOn = now(),
               Version = CASE WHEN s.Version >= 2147483647 THEN 1 ELSE s.Version + 1 END
         WHERE s.GrainIdHash = p_grain_id_hash
           AND s.GrainTypeHash = p_grain_type_hash
           AND s.GrainIdN0 = p_grain_id_n0
           AND s.GrainIdN1 = p_grain_id_n1
           AND s.GrainTypeString = p_grain_type_string
           AND s.GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_extension
           AND s.ServiceId = p_service_id
           AND s.Version = p_expected_version
        RETURNING s.Version INTO v_new_version;
        RETURN v_new_version;
    END IF;

    PERFORM pg_advisory_xact_lock(p_grain_id_hash, p_grain_type_hash);

    IF EXISTS (
        SELECT 1
          FROM OrleansStorage s
         WHERE s.GrainIdHash = p_grain_id_hash
           AND s.GrainTypeHash = p_grain_type_hash
           AND s.GrainIdN0 = p_grain_id_n0
           AND s.GrainIdN1 = p_grain_id_n1
           AND s.GrainTypeString = p_grain_type_string
           AND s.GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_extension
           AND s.ServiceId = p_service_id)
    THEN
        RETURN NULL;
    END IF;

    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
         GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
    VALUES
        (p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type_string,
         p_grain_id_extension, p_service_id, p_payload, now(), 1);
    RETURN 1;
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    'WriteToStorageKey', $q$
    SELECT orleans_storage_write(
        @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary) AS "NewGrainStateVersion";
$q$
),
(
    'ReadFromStorageKey', $q$
    SELECT
        PayloadBinary AS "PayloadBinary",
        Version       AS "Version"
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash
      AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0
      AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND ServiceId = @ServiceId
    LIMIT 1;
$q$
),
(
    'ClearStorageKey', $q$
    UPDATE OrleansStorage
       SET PayloadBinary = NULL,
           ModifiedOn = now(),
           Version = CASE WHEN Version >= 2147483647 THEN 1 ELSE Version + 1 END
     WHERE GrainIdHash = @GrainIdHash
       AND GrainTypeHash = @GrainTypeHash
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
       AND ServiceId = @ServiceId
       AND Version = @GrainStateVersion
    RETURNING Version AS "NewGrainStateVersion";
$q$
),
(
    'DeleteStorageKey', $q$
    DELETE FROM OrleansStorage
     WHERE GrainIdHash = @GrainIdHash
       AND GrainTypeHash = @GrainTypeHash
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
       AND ServiceId = @ServiceId
       AND Version = @GrainStateVersion
    RETURNING CASE WHEN Version >= 2147483647 THEN 1 ELSE Version + 1 END AS "NewGrainStateVersion";
$q$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
