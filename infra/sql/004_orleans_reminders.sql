-- 004_orleans_reminders.sql
--
-- Why this file exists: Microsoft.Orleans.Reminders.AdoNet (Invariant
-- "Npgsql") keeps durable reminders in PostgreSQL so they survive silo
-- restarts, and refuses to start unless OrleansQuery holds all of its
-- reminder query keys.
--
-- Contract notes (Orleans 10.4.2), so the SQL below can be checked against it:
--   * Parameters: @ServiceId, @GrainId (GrainId.ToString()), @ReminderName,
--     @StartTime, @Period (milliseconds; sent as int or bigint depending on
--     size), @GrainHash, @BeginHash, @EndHash (the uint grain hashes cast to
--     signed int) and @Version (the ETag). Result columns are read by name:
--     GrainId, ReminderName, StartTime, Period, Version.
--   * The ETag is the integer Version: 0 on first insert, +1 on each upsert.
--     A delete succeeds only with the current ETag and reports 1/0.
--   * Ring ranges are (Begin, End] in signed order: the provider picks
--     ReadRangeRows1Key when (int)Begin < (int)End, otherwise the range wraps
--     (or covers the whole ring) and ReadRangeRows2Key is used.
-- Conventions shared by all files (idempotency, no psql meta-commands, one
-- implicit transaction under Npgsql) are described in 001_orleans_main.sql.

SELECT pg_advisory_xact_lock(7305166401);

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    varchar(150)   NOT NULL,
    GrainId      text           NOT NULL,
    ReminderName text           NOT NULL,
    StartTime    timestamptz(3) NOT NULL,
    Period       bigint         NOT NULL,
    GrainHash    integer        NOT NULL,
    Version      integer        NOT NULL,

    CONSTRAINT PK_RemindersTable_ServiceId_GrainId_ReminderName PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

CREATE INDEX IF NOT EXISTS IX_RemindersTable_ServiceId_GrainHash
    ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    'UpsertReminderRowKey', $q$
    INSERT INTO OrleansRemindersTable
        (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES
        (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
        SET StartTime = EXCLUDED.StartTime,
            Period = EXCLUDED.Period,
            GrainHash = EXCLUDED.GrainHash,
            Version = CASE WHEN OrleansRemindersTable.Version >= 2147483647 THEN 0
                           ELSE OrleansRemindersTable.Version + 1 END
    RETURNING Version AS "Version";
$q$
),
(
    'ReadReminderRowsKey', $q$
    SELECT
        GrainId      AS "GrainId",
        ReminderName AS "ReminderName",
        StartTime    AS "StartTime",
        Period       AS "Period",
        Version      AS "Version"
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND GrainId = @GrainId;
$q$
),
(
    'ReadReminderRowKey', $q$
    SELECT
        GrainId      AS "GrainId",
        ReminderName AS "ReminderName",
        StartTime    AS "StartTime",
        Period       AS "Period",
        Version      AS "Version"
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND GrainId = @GrainId
      AND ReminderName = @ReminderName;
$q$
),
(
    'ReadRangeRows1Key', $q$
    SELECT
        GrainId      AS "GrainId",
        ReminderName AS "ReminderName",
        StartTime    AS "StartTime",
        Period       AS "Period",
        Version      AS "Version"
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND GrainHash > @BeginHash
      AND GrainHash <= @EndHash;
$q$
),
(
    'ReadRangeRows2Key', $q$
    SELECT
        GrainId      AS "GrainId",
        ReminderName AS "ReminderName",
        StartTime    AS "StartTime",
        Period       AS "Period",
        Version      AS "Version"
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
$q$
),
(
    'DeleteReminderRowKey', $q$
    WITH removed AS (
        DELETE FROM OrleansRemindersTable
         WHERE ServiceId = @ServiceId
           AND GrainId = @GrainId
           AND ReminderName = @ReminderName
           AND Version = @Version
        RETURNING 1
    )
    SELECT count(*)::integer AS "Deleted" FROM removed;
$q$
),
(
    'DeleteReminderRowsKey', $q$
    DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;
$q$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
