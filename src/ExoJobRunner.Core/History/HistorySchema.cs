namespace ExoJobRunner.Core.History;

/// <summary>
/// The history database's schema as a list of migrations: entry N brings a database from version N to N + 1
/// (SQLite's <c>user_version</c>). A released migration is never edited; a change is a new entry at the end.
/// </summary>
internal static class HistorySchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE runs (
            run_id           TEXT    NOT NULL PRIMARY KEY,
            job              TEXT    NOT NULL,
            trigger          TEXT    NOT NULL,
            status           TEXT    NOT NULL,
            scheduled_at     INTEGER NULL,
            started_at       INTEGER NULL,
            ended_at         INTEGER NULL,
            exit_code        INTEGER NULL,
            error_summary    TEXT    NULL,
            output_directory TEXT    NULL,
            attempt          INTEGER NOT NULL,
            host             TEXT    NOT NULL,
            pid              INTEGER NOT NULL,
            recorded_at      INTEGER NOT NULL
        );
        CREATE INDEX runs_by_job ON runs (job COLLATE NOCASE, recorded_at);
        CREATE INDEX runs_by_time ON runs (recorded_at);
        CREATE INDEX runs_running ON runs (status) WHERE status = 'Running';
        CREATE TABLE job_state (
            job             TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
            last_occurrence INTEGER NOT NULL
        );
        """,

        // When the process that wrote a row started: with its pid, it tells that process from a later one that got the
        // same pid, so a run whose process is gone is settled as Abandoned and a live one never is.
        """
        ALTER TABLE runs ADD COLUMN process_started_at INTEGER NULL;
        """,
    ];

    public static int LatestVersion => Migrations.Count;
}
