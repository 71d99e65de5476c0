-- 002_orleans_clustering.sql
--
-- Why this file exists: Microsoft.Orleans.Clustering.AdoNet (Invariant
-- "Npgsql") keeps the cluster membership table in PostgreSQL and refuses to
-- start unless OrleansQuery holds every clustering query key it knows about.
-- Silos and clients both depend on it: silos for membership, clients for the
-- gateway list.
--
-- Contract notes (Orleans 10.4.2), so the SQL below can be checked against it:
--   * Parameters are bound by name (@DeploymentId is the ClusterId, @Address,
--     @Port, @Generation, @Status, @ProxyPort, @SuspectTimes, @StartTime,
--     @IAmAliveTime, @SiloName, @HostName, @Version); result columns are read
--     by name, so the aliases are part of the contract.
--   * One version row per deployment is the optimistic-concurrency token for
--     the whole table: an insert/update of a member succeeds only when the
--     @Version sent by the caller still equals the stored one, and then bumps
--     it, both in one transaction. A stale caller gets 0 and re-reads.
--   * Reads always return the version row (LEFT JOIN), even with no members;
--     the provider takes the version from the first row.
--   * Heartbeats (UpdateIAmAlivetimeKey) deliberately do not bump the version.
--   * CleanupDefunctSiloEntryKey is optional for the provider; when present it
--     deletes one Dead row only if the values the provider just read are still
--     in place, so a row that changed meanwhile survives. The bulk
--     CleanupDefunctSiloEntriesKey is the required fallback.
-- Conventions shared by all files (idempotency, no psql meta-commands, one
-- implicit transaction under Npgsql) are described in 001_orleans_main.sql.

SELECT pg_advisory_xact_lock(7305166401);

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150)   NOT NULL,
    Timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    Version      integer        NOT NULL DEFAULT 0,

    CONSTRAINT PK_OrleansMembershipVersionTable_DeploymentId PRIMARY KEY (DeploymentId)
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150)   NOT NULL,
    Address      varchar(45)    NOT NULL,
    Port         integer        NOT NULL,
    Generation   integer        NOT NULL,
    SiloName     text           NOT NULL,
    HostName     text           NOT NULL,
    Status       integer        NOT NULL,
    ProxyPort    integer        NULL,
    SuspectTimes text           NULL,
    StartTime    timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,

    CONSTRAINT PK_MembershipTable_DeploymentId PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_MembershipTable_MembershipVersionTable_DeploymentId
        FOREIGN KEY (DeploymentId) REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

-- Adds a silo row under the table-version check. The version row is locked
-- first (and only if it still carries the expected version), so concurrent
-- writers holding the same etag queue up and all but the first see a changed
-- version and return 0. Nothing is written unless both the check and the
-- insert succeed.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_silo_name        text,
    p_host_name        text,
    p_status           integer,
    p_proxy_port       integer,
    p_start_time       timestamptz,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1
      FROM OrleansMembershipVersionTable v
     WHERE v.DeploymentId = p_deployment_id
       AND v.Version = p_expected_version
       AND v.Version < 2147483647
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName,
         Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
         p_status, p_proxy_port, p_start_time, p_i_am_alive_time)
    ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE OrleansMembershipVersionTable
       SET Version = Version + 1,
           Timestamp = now()
     WHERE DeploymentId = p_deployment_id;
    RETURN 1;
END
$fn$;

-- Changes an existing silo row under the same table-version check as the
-- insert. IAmAliveTime never moves backwards, so a late write carrying an
-- older heartbeat cannot make a live silo look stale.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_status           integer,
    p_suspect_times    text,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1
      FROM OrleansMembershipVersionTable v
     WHERE v.DeploymentId = p_deployment_id
       AND v.Version = p_expected_version
       AND v.Version < 2147483647
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE OrleansMembershipTable m
       SET Status = p_status,
           SuspectTimes = p_suspect_times,
           IAmAliveTime = GREATEST(m.IAmAliveTime, p_i_am_alive_time)
     WHERE m.DeploymentId = p_deployment_id
       AND m.Address = p_address
       AND m.Port = p_port
       AND m.Generation = p_generation;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE OrleansMembershipVersionTable
       SET Version = Version + 1,
           Timestamp = now()
     WHERE DeploymentId = p_deployment_id;
    RETURN 1;
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    'InsertMembershipVersionKey', $q$
    WITH created AS (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId)
        VALUES (@DeploymentId)
        ON CONFLICT (DeploymentId) DO NOTHING
        RETURNING 1
    )
    SELECT count(*)::integer AS "Created" FROM created;
$q$
),
(
    'InsertMembershipKey', $q$
    SELECT orleans_membership_insert(
        @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS "Succeeded";
$q$
),
(
    'UpdateMembershipKey', $q$
    SELECT orleans_membership_update(
        @DeploymentId, @Address, @Port, @Generation,
        @Status, @SuspectTimes, @IAmAliveTime, @Version) AS "Succeeded";
$q$
),
(
    'UpdateIAmAlivetimeKey', $q$
    UPDATE OrleansMembershipTable
       SET IAmAliveTime = GREATEST(IAmAliveTime, @IAmAliveTime)
     WHERE DeploymentId = @DeploymentId
       AND Address = @Address
       AND Port = @Port
       AND Generation = @Generation;
$q$
),
(
    'MembershipReadRowKey', $q$
    SELECT
        v.DeploymentId AS "DeploymentId",
        m.Address      AS "Address",
        m.Port         AS "Port",
        m.Generation   AS "Generation",
        m.SiloName     AS "SiloName",
        m.HostName     AS "HostName",
        m.Status       AS "Status",
        m.ProxyPort    AS "ProxyPort",
        m.SuspectTimes AS "SuspectTimes",
        m.StartTime    AS "StartTime",
        m.IAmAliveTime AS "IAmAliveTime",
        v.Version      AS "Version"
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m
           ON m.DeploymentId = v.DeploymentId
          AND m.Address = @Address
          AND m.Port = @Port
          AND m.Generation = @Generation
    WHERE v.DeploymentId = @DeploymentId;
$q$
),
(
    'MembershipReadAllKey', $q$
    SELECT
        v.DeploymentId AS "DeploymentId",
        m.Address      AS "Address",
        m.Port         AS "Port",
        m.Generation   AS "Generation",
        m.SiloName     AS "SiloName",
        m.HostName     AS "HostName",
        m.Status       AS "Status",
        m.ProxyPort    AS "ProxyPort",
        m.SuspectTimes AS "SuspectTimes",
        m.StartTime    AS "StartTime",
        m.IAmAliveTime AS "IAmAliveTime",
        v.Version      AS "Version"
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m
           ON m.DeploymentId = v.DeploymentId
    WHERE v.DeploymentId = @DeploymentId;
$q$
),
(
    'GatewaysQueryKey', $q$
    SELECT
        Address    AS "Address",
        ProxyPort  AS "ProxyPort",
        Generation AS "Generation"
    FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
      AND Status = @Status
      AND ProxyPort > 0;
$q$
),
(
    'DeleteMembershipTableEntriesKey', $q$
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
$q$
),
(
    -- Fallback only: the provider uses it when CleanupDefunctSiloEntryKey is
    -- absent. Removes Dead (6) rows whose start and last heartbeat both
    -- precede the cutoff passed in @IAmAliveTime.
    'CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM OrleansMembershipTable
     WHERE DeploymentId = @DeploymentId
       AND Status = 6
       AND IAmAliveTime < @IAmAliveTime
       AND StartTime < @IAmAliveTime;
$q$
),
(
    -- Deletes one Dead (6) row, but only if it still holds exactly the values
    -- the provider read and judged defunct.
    'CleanupDefunctSiloEntryKey', $q$
    DELETE FROM OrleansMembershipTable
     WHERE DeploymentId = @DeploymentId
       AND Address = @Address
       AND Port = @Port
       AND Generation = @Generation
       AND Status = 6
       AND StartTime = @StartTime
       AND IAmAliveTime = @IAmAliveTime
       AND COALESCE(SuspectTimes, '') = COALESCE(@SuspectTimes, '');
$q$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
