using System.Globalization;

namespace Crosscheck.Storage;

/// <summary>Hand-written, numbered schema migrations; each runs once, in its own transaction.</summary>
internal static class SqliteMigrations
{
    internal static readonly IReadOnlyList<(int Version, string Name, string Sql)> All =
    [
        (1, "documents", """
            CREATE TABLE documents (
                seq          INTEGER PRIMARY KEY AUTOINCREMENT,
                id           TEXT NOT NULL UNIQUE,
                source       TEXT NOT NULL,
                outlet       TEXT,
                title        TEXT,
                published    TEXT,
                url          TEXT,
                language     TEXT NOT NULL,
                text         TEXT NOT NULL,
                duplicate_of TEXT,
                ingested_at  TEXT NOT NULL,
                minhash      BLOB NOT NULL
            );
            CREATE TABLE segments (
                document_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
                ordinal      INTEGER NOT NULL,
                kind         TEXT NOT NULL,
                start        INTEGER NOT NULL,
                "end"        INTEGER NOT NULL,
                PRIMARY KEY (document_seq, ordinal)
            ) WITHOUT ROWID;
            CREATE TABLE document_sources (
                document_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
                source       TEXT NOT NULL,
                PRIMARY KEY (document_seq, source)
            ) WITHOUT ROWID;
            CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='seq', tokenize='unicode61 remove_diacritics 2');
            """),
        // The sourced record: what the cross-document linker read from each document (its DocumentFacts as JSON)
        // and where it put the document and each of its events, so that a reload re-adds every document where it
        // was without scoring. A document without a document_facts row was stored but never linked.
        (2, "record", """
            CREATE TABLE document_facts (
                document_seq INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
                story        TEXT NOT NULL,
                facts        TEXT NOT NULL
            );
            CREATE TABLE event_assignments (
                event        TEXT PRIMARY KEY,
                document_seq INTEGER NOT NULL REFERENCES document_facts(document_seq) ON DELETE CASCADE,
                incident     TEXT NOT NULL,
                joined_to    TEXT,
                score        REAL NOT NULL,
                reason       TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX event_assignments_document ON event_assignments(document_seq);
            """),
        // One record however the work was split: documents are linked in link order (publication day, then id; see
        // LinkOrder), read through this index. A document linked before an earlier one arrived is marked stale and
        // linked again from its stored facts; a document that could not be analyzed is kept out with its reason.
        (3, "link order", """
            ALTER TABLE document_facts ADD COLUMN stale INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX documents_link_order ON documents((published IS NULL), coalesce(published, ''), id);
            CREATE TABLE link_failures (
                document_seq INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
                reason       TEXT NOT NULL
            );
            """),
        // What the linker no longer holds in memory (CrossDocumentLinker.Archive): closed incidents and finished
        // stories as they stood when they left (summaries as JSON), and the rank of each document neither still holds.
        (4, "archive", """
            CREATE TABLE archived_incidents (
                id          TEXT PRIMARY KEY,
                first_rank  INTEGER NOT NULL,
                first_start INTEGER NOT NULL,
                summary     TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE archived_stories (
                id      TEXT PRIMARY KEY,
                ord     INTEGER NOT NULL,
                summary TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE archived_documents (
                document_seq INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
                rank         INTEGER NOT NULL
            );
            CREATE INDEX archived_documents_rank ON archived_documents(rank);
            CREATE INDEX event_assignments_incident ON event_assignments(incident);
            """),
        // Start-up reads only what the linker held when the last run ended: each linked document's rank, story order and
        // story vector; which documents are held and which stories are open (their documents rebuild them); the documents to link (a queue, so finding them reads no other row);
        // the document frequencies and the linker's counters. A database from before has no held documents: its first
        // load rebuilds the record once and fills them.
        (5, "resume", """
            ALTER TABLE document_facts ADD COLUMN rank INTEGER;
            ALTER TABLE document_facts ADD COLUMN story_ord INTEGER;
            ALTER TABLE document_facts ADD COLUMN weights BLOB;
            ALTER TABLE document_facts ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX document_facts_held ON document_facts(rank) WHERE held = 1;
            CREATE INDEX document_facts_stale ON document_facts(document_seq) WHERE stale = 1;
            ALTER TABLE archived_incidents ADD COLUMN mention INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE archived_incidents ADD COLUMN discrepancies INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX archived_incidents_order ON archived_incidents(mention, first_rank, first_start, id);
            CREATE INDEX archived_stories_order ON archived_stories(ord);
            CREATE TABLE archived_places (
                type      TEXT NOT NULL,
                place     TEXT NOT NULL,
                incident  TEXT NOT NULL,
                first_day TEXT NOT NULL,
                last_day  TEXT NOT NULL,
                PRIMARY KEY (type, place, incident)
            ) WITHOUT ROWID;
            CREATE INDEX archived_places_incident ON archived_places(incident);
            CREATE TABLE key_frequency (key TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE linker_state (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE link_queue (document_seq INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE);
            CREATE TABLE open_stories (story TEXT PRIMARY KEY) WITHOUT ROWID;
            CREATE INDEX document_facts_story ON document_facts(story);
            INSERT INTO link_queue (document_seq) SELECT d.seq FROM documents d
                WHERE NOT EXISTS (SELECT 1 FROM document_facts f WHERE f.document_seq = d.seq AND f.stale = 0)
                AND NOT EXISTS (SELECT 1 FROM link_failures x WHERE x.document_seq = d.seq);
            """),
        // Accounts of the web app (Access): a name, a role and the SHA-256 of the account's key, never the key itself.
        // Ids are never reused, so a session of a removed account never passes for a new account of the same name.
        (6, "users", """
            CREATE TABLE users (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
                role       TEXT NOT NULL,
                key_hash   BLOB NOT NULL UNIQUE,
                created_at TEXT NOT NULL
            );
            """),
        // Versions (issue 15): each stored reading names the analyzer that made it (AnalyzerVersion; null for readings
        // stored before), and `reprocess` marks the readings to make again (reread). A decision made by hand that a new
        // reading no longer has the event for is kept aside, not lost. The record's versions: each item (incident,
        // event, story) with a digest of how it was exported and the versions it was added, last changed or removed in.
        (8, "versions", """
            ALTER TABLE document_facts ADD COLUMN analyzer TEXT;
            ALTER TABLE document_facts ADD COLUMN reread INTEGER NOT NULL DEFAULT 0;
            UPDATE document_facts SET analyzer = json_extract(facts, '$.analyzer');
            CREATE INDEX document_facts_analyzer ON document_facts(analyzer);
            CREATE TABLE unplaced_decisions (
                event     TEXT PRIMARY KEY,
                document  TEXT NOT NULL,
                incident  TEXT NOT NULL,
                reason    TEXT NOT NULL,
                evidence  TEXT NOT NULL,
                trigger   TEXT NOT NULL,
                analyzer  TEXT
            ) WITHOUT ROWID;
            CREATE TABLE record_items (
                kind    TEXT NOT NULL,
                id      TEXT NOT NULL,
                digest  TEXT NOT NULL,
                added   INTEGER NOT NULL,
                changed INTEGER NOT NULL,
                removed INTEGER,
                PRIMARY KEY (kind, id)
            ) WITHOUT ROWID;
            CREATE INDEX record_items_changed ON record_items(changed);
            CREATE TABLE record_versions (
                version  INTEGER PRIMARY KEY,
                made_at  TEXT NOT NULL,
                added    INTEGER NOT NULL,
                changed  INTEGER NOT NULL,
                removed  INTEGER NOT NULL
            );
            """),
        // Review (issue 15): the analysts' decisions, append-only, in the order made (see Crosscheck.Review.Decision).
        (9, "decisions", """
            CREATE TABLE decisions (
                number      INTEGER PRIMARY KEY,
                made_at     TEXT NOT NULL,
                author      TEXT NOT NULL,
                target_kind TEXT NOT NULL,
                target      TEXT NOT NULL,
                action      TEXT NOT NULL,
                field       TEXT,
                before      TEXT,
                after       TEXT,
                reason      TEXT NOT NULL,
                reverts     INTEGER REFERENCES decisions(number)
            );
            CREATE INDEX decisions_target ON decisions(target);
            CREATE TRIGGER decisions_append_only_update BEFORE UPDATE ON decisions BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
            CREATE TRIGGER decisions_append_only_delete BEFORE DELETE ON decisions BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
            """),
        // A new reading may give an event another id: decisions about the old id follow it to its successor.
        (10, "event successors", """
            CREATE TABLE event_successors (old TEXT PRIMARY KEY, new TEXT NOT NULL) WITHOUT ROWID;
            """),
        // The record's counts read the archived incidents' discrepancies from a small partial index, not a scan of every
        // archived summary (50 ms at 100,000 documents, paid by every list page).
        (11, "discrepancy count", """
            CREATE INDEX IF NOT EXISTS archived_incidents_discrepancies ON archived_incidents(discrepancies) WHERE discrepancies > 0;
            """),
        // What lists and maps show of each archived incident, as columns (IncidentRow), kept by triggers from the archived
        // summary in the same statement that writes it, so the incident list with conditions and the map read small
        // indexed rows instead of parsing every archived summary (6.5 s at 100,000 documents). The archive's counts
        // are kept the same way, so a page's totals are one row, not a count of 100,000 index entries.
        (12, "incident rows", IncidentRowsSql),
        // What the incident list shows of each incident beyond what it filters by: the reconciled dead as their JSON
        // numbers (so 4.0 stays 4.0), how many events and documents, and the campaign. The triggers of migration 12
        // are made again to write them too.
        (13, "incident list columns", $$"""
            ALTER TABLE incident_rows ADD COLUMN killed_min TEXT;
            ALTER TABLE incident_rows ADD COLUMN killed_max TEXT;
            ALTER TABLE incident_rows ADD COLUMN killed_best TEXT;
            ALTER TABLE incident_rows ADD COLUMN events INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE incident_rows ADD COLUMN documents INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE incident_rows ADD COLUMN part_of TEXT;
            UPDATE incident_rows SET (killed_min, killed_max, killed_best, events, documents, part_of) =
                (SELECT {{ListColumnsOf("a")}} FROM archived_incidents a WHERE a.id = incident_rows.id);
            DROP TRIGGER IF EXISTS incident_rows_insert;
            DROP TRIGGER IF EXISTS incident_rows_update;
            CREATE TRIGGER incident_rows_insert AFTER INSERT ON archived_incidents BEGIN
                INSERT OR REPLACE INTO incident_rows ({{RowColumns}}, {{ListColumns}}) {{RowOf("NEW")}}, {{ListColumnsOf("NEW")}} WHERE json_valid(NEW.summary);
            END;
            CREATE TRIGGER incident_rows_update AFTER UPDATE ON archived_incidents BEGIN
                DELETE FROM incident_rows WHERE id = OLD.id;
                INSERT OR REPLACE INTO incident_rows ({{RowColumns}}, {{ListColumns}}) {{RowOf("NEW")}}, {{ListColumnsOf("NEW")}} WHERE json_valid(NEW.summary);
            END;
            """),
        // Workers (issue 16): documents waiting to be read, each claimed by one worker until its lease runs out, and
        // the readings workers made, waiting for the linker. Only PostgreSQL stores queue documents (SQLite stores are
        // read by the process that links them); the tables are here so both engines have one schema.
        (14, "analysis queue", """
            CREATE TABLE analysis_queue (
                document_seq  INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
                claimed_by    TEXT,
                claimed_until TEXT
            );
            CREATE TABLE document_readings (
                document_seq INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
                analyzer     TEXT NOT NULL,
                read_by      TEXT NOT NULL,
                facts        TEXT NOT NULL
            );
            """),
        // An archived incident the linker took back (a report recalled it) keeps the campaign it had when it closed
        // while it is held again: kept here until it is archived again, so a linker resumed after a restart has it too.
        (15, "taken back incidents", """
            CREATE TABLE taken_back_incidents (id TEXT PRIMARY KEY, part_of TEXT) WITHOUT ROWID;
            """),
        // Desks (issue 16): the named partitions of the store, each with its record in its own schema (PostgreSQL) or
        // file (SQLite). Declared in the default desk's store; a store made before desks has none, so every document
        // it holds is in the default desk, linked as before.
        (16, "desks", """
            CREATE TABLE desks (name TEXT PRIMARY KEY, declared_at TEXT NOT NULL) WITHOUT ROWID;
            """),
    ];

    private const string ListColumns = "killed_min, killed_max, killed_best, events, documents, part_of";

    /// <summary>The list columns of migration 13 of the archived incident <c>a</c> (numbers kept as their JSON text).</summary>
    private static string ListColumnsOf(string a) => $$"""
        {{a}}.summary -> '$.incident.fatalities.min', {{a}}.summary -> '$.incident.fatalities.max', {{a}}.summary -> '$.incident.fatalities.best',
        coalesce(json_array_length({{a}}.summary, '$.incident.events'), 0), coalesce(json_array_length({{a}}.summary, '$.incident.documents'), 0),
        {{a}}.summary ->> '$.incident.partOf'
        """;

    /// <summary>The row of the archived incident <c>NEW</c> (or of every archived incident, with <c>a</c> for <c>NEW</c>).</summary>
    private static string RowOf(string a) => $$"""
        SELECT {{a}}.id, json_extract({{a}}.summary, '$.incident.story'), {{a}}.mention, {{a}}.first_rank, {{a}}.first_start,
               json_extract({{a}}.summary, '$.incident.type'), json_extract({{a}}.summary, '$.incident.modality'),
               json_extract({{a}}.summary, '$.incident.scope'), json_extract({{a}}.summary, '$.incident.grade'),
               json_extract({{a}}.summary, '$.incident.title'),
               json_extract({{a}}.summary, '$.incident.location.text'), json_extract({{a}}.summary, '$.incident.location.name'),
               json_extract({{a}}.summary, '$.incident.location.country'), json_extract({{a}}.summary, '$.incident.location.precision'),
               json_extract({{a}}.summary, '$.incident.location.latitude'), json_extract({{a}}.summary, '$.incident.location.longitude'),
               json_extract({{a}}.summary, '$.incident.time.text'), json_extract({{a}}.summary, '$.incident.time.start'),
               json_extract({{a}}.summary, '$.incident.time.end'), json_extract({{a}}.summary, '$.incident.time.precision'),
               json_extract({{a}}.summary, '$.incident.time.basis'), json_extract({{a}}.summary, '$.incident.fatalities.best'),
               coalesce(json_extract({{a}}.summary, '$.incident.independentSources'), 0)
        """;

    private const string RowColumns = """
        id, story, mention, first_rank, first_start, type, modality, scope, grade, title,
        place_text, place_name, country, place_precision, lat, lon, time_text, day_start, day_end, time_precision, time_basis, killed, sources
        """;

    private static string IncidentRowsSql => $$"""
        CREATE TABLE incident_rows (
            id              TEXT NOT NULL UNIQUE,
            story           TEXT NOT NULL,
            mention         INTEGER NOT NULL,
            first_rank      INTEGER NOT NULL,
            first_start     INTEGER NOT NULL,
            type            TEXT NOT NULL,
            modality        TEXT NOT NULL,
            scope           TEXT NOT NULL,
            grade           TEXT NOT NULL,
            title           TEXT NOT NULL,
            place_text      TEXT,
            place_name      TEXT,
            country         TEXT,
            place_precision TEXT,
            lat             REAL,
            lon             REAL,
            time_text       TEXT,
            day_start       TEXT,
            day_end         TEXT,
            time_precision  TEXT,
            time_basis      TEXT,
            killed          NUMERIC,
            sources         INTEGER NOT NULL,
            -- Kept in the record's order, so a list of every row reads the table front to back.
            PRIMARY KEY (mention, first_rank, first_start, id)
        ) WITHOUT ROWID;
        INSERT INTO incident_rows ({{RowColumns}}) {{RowOf("a")}} FROM archived_incidents a WHERE json_valid(a.summary);
        CREATE INDEX incident_rows_dead ON incident_rows(mention, coalesce(killed, 0) DESC, id) WHERE lat IS NOT NULL AND lon IS NOT NULL;
        CREATE INDEX incident_rows_map ON incident_rows(mention, type, day_start, day_end, lat, lon);
        -- A summary that cannot be read has no row: readers leave it out, as they leave out the summary.
        CREATE TRIGGER incident_rows_insert AFTER INSERT ON archived_incidents BEGIN
            INSERT OR REPLACE INTO incident_rows ({{RowColumns}}) {{RowOf("NEW")}} WHERE json_valid(NEW.summary);
        END;
        CREATE TRIGGER incident_rows_update AFTER UPDATE ON archived_incidents BEGIN
            DELETE FROM incident_rows WHERE id = OLD.id;
            INSERT OR REPLACE INTO incident_rows ({{RowColumns}}) {{RowOf("NEW")}} WHERE json_valid(NEW.summary);
        END;
        CREATE TRIGGER incident_rows_delete AFTER DELETE ON archived_incidents BEGIN
            DELETE FROM incident_rows WHERE id = OLD.id;
        END;

        CREATE TABLE archive_counts (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO archive_counts (name, value) VALUES
            ('stories', (SELECT count(*) FROM archived_stories)),
            ('incidents', (SELECT count(*) FROM archived_incidents WHERE mention = 0)),
            ('mentions', (SELECT count(*) FROM archived_incidents WHERE mention <> 0)),
            ('discrepancies', (SELECT coalesce(sum(discrepancies), 0) FROM archived_incidents)),
            ('located', (SELECT count(*) FROM incident_rows WHERE mention = 0 AND lat IS NOT NULL AND lon IS NOT NULL));
        -- Listed incidents with a point: what a map of everything counts.
        CREATE TRIGGER archive_counts_located_insert AFTER INSERT ON incident_rows
        WHEN NEW.mention = 0 AND NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL BEGIN
            UPDATE archive_counts SET value = value + 1 WHERE name = 'located';
        END;
        CREATE TRIGGER archive_counts_located_delete AFTER DELETE ON incident_rows
        WHEN OLD.mention = 0 AND OLD.lat IS NOT NULL AND OLD.lon IS NOT NULL BEGIN
            UPDATE archive_counts SET value = value - 1 WHERE name = 'located';
        END;
        CREATE TRIGGER archive_counts_incident_insert AFTER INSERT ON archived_incidents BEGIN
            UPDATE archive_counts SET value = value + 1 WHERE name = CASE WHEN NEW.mention = 0 THEN 'incidents' ELSE 'mentions' END;
            UPDATE archive_counts SET value = value + NEW.discrepancies WHERE name = 'discrepancies';
        END;
        CREATE TRIGGER archive_counts_incident_update AFTER UPDATE OF mention, discrepancies ON archived_incidents BEGIN
            UPDATE archive_counts SET value = value - 1 WHERE name = CASE WHEN OLD.mention = 0 THEN 'incidents' ELSE 'mentions' END;
            UPDATE archive_counts SET value = value + 1 WHERE name = CASE WHEN NEW.mention = 0 THEN 'incidents' ELSE 'mentions' END;
            UPDATE archive_counts SET value = value - OLD.discrepancies + NEW.discrepancies WHERE name = 'discrepancies';
        END;
        CREATE TRIGGER archive_counts_incident_delete AFTER DELETE ON archived_incidents BEGIN
            UPDATE archive_counts SET value = value - 1 WHERE name = CASE WHEN OLD.mention = 0 THEN 'incidents' ELSE 'mentions' END;
            UPDATE archive_counts SET value = value - OLD.discrepancies WHERE name = 'discrepancies';
        END;
        CREATE TRIGGER archive_counts_story_insert AFTER INSERT ON archived_stories BEGIN
            UPDATE archive_counts SET value = value + 1 WHERE name = 'stories';
        END;
        CREATE TRIGGER archive_counts_story_delete AFTER DELETE ON archived_stories BEGIN
            UPDATE archive_counts SET value = value - 1 WHERE name = 'stories';
        END;
        """;
}
