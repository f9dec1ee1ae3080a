package dev.autonomy.vault;

import java.util.List;

/**
 * The vault's schema, as an ordered list of migrations. The database's {@code user_version} says
 * how many have run; opening a vault runs the missing ones in one transaction. Never edit a
 * released migration: add a new one.
 */
final class Migrations {
  private Migrations() {}

  static final List<String> STEPS =
      List.of(
          // 1: sources and signals, with the natural key that makes re-imports idempotent.
          """
          CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            format TEXT NOT NULL,
            first_imported TEXT NOT NULL,
            last_imported TEXT NOT NULL,
            UNIQUE (name, format)
          );
          CREATE TABLE signals (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            kind TEXT NOT NULL,
            start_ms INTEGER NOT NULL,
            end_ms INTEGER NOT NULL,
            zone TEXT NOT NULL,
            value REAL NOT NULL,
            unit TEXT NOT NULL,
            category TEXT NOT NULL,
            text TEXT NOT NULL,
            device TEXT NOT NULL,
            modality TEXT NOT NULL,
            nkey BLOB NOT NULL UNIQUE
          );
          CREATE INDEX signals_by_kind_time ON signals(kind, start_ms);
          CREATE INDEX signals_by_source ON signals(source_id);
          CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            at TEXT NOT NULL,
            read INTEGER NOT NULL,
            added INTEGER NOT NULL,
            report TEXT NOT NULL
          );
          """,
          // 2: what the engine decides and learns.
          """
          CREATE TABLE rules (
            id TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            created TEXT NOT NULL
          );
          CREATE TABLE recommendations (
            id TEXT PRIMARY KEY,
            created TEXT NOT NULL,
            option_id TEXT NOT NULL,
            desire TEXT NOT NULL,
            score REAL NOT NULL,
            confidence REAL NOT NULL,
            propensity REAL NOT NULL,
            exploration INTEGER NOT NULL,
            situation TEXT NOT NULL,
            body TEXT NOT NULL
          );
          CREATE TABLE feedback (
            id INTEGER PRIMARY KEY,
            recommendation_id TEXT NOT NULL REFERENCES recommendations(id),
            outcome TEXT NOT NULL,
            rating INTEGER,
            at TEXT NOT NULL
          );
          CREATE TABLE documents (
            name TEXT PRIMARY KEY,
            updated TEXT NOT NULL,
            body TEXT NOT NULL
          );
          """,
          // 3: a counter per area of the vault, moved by every write to it in the same transaction, so
          // any process can tell cheaply whether what it derived from that area is still current.
          """
          CREATE TABLE generations (
            area TEXT PRIMARY KEY,
            n INTEGER NOT NULL
          );
          """,
          // 4: what a learning ranking policy needs of each shown item: its feature vector, and
          // which policy (and version of it) showed it. Older rows have none: they teach nothing.
          """
          ALTER TABLE recommendations ADD COLUMN features TEXT;
          ALTER TABLE recommendations ADD COLUMN policy TEXT;
          ALTER TABLE recommendations ADD COLUMN policy_version INTEGER;
          """,
          // 5: natural keys hold a signal's whole text, not its 32-bit hash: no SQL; rows with a
          // text are re-keyed in Java (TextKeys) in the same transaction.
          "",
          // 6: each shown list's candidate set, for off-policy evaluation: what the policy chose the
          // top item from (option ids and feature vectors, CandidateCodec), the top option and its
          // propensity; its recommendations point to it. Older rows have none: they cannot be evaluated.
          """
          CREATE TABLE lists (
            id INTEGER PRIMARY KEY,
            created TEXT NOT NULL,
            policy TEXT NOT NULL,
            policy_version INTEGER NOT NULL,
            candidates BLOB NOT NULL,
            top_option TEXT NOT NULL,
            top_propensity REAL NOT NULL
          );
          ALTER TABLE recommendations ADD COLUMN list_id INTEGER REFERENCES lists(id);
          CREATE INDEX recommendations_by_list ON recommendations(list_id);
          """,
          // 7: the live policy's whole first-slot distribution over each list's candidates (exact, or
          // estimated from `draws` sampled parameters), and what each shadow policy would have shown
          // for the same list (never shown; logged so policies compare on the same situations).
          """
          ALTER TABLE lists ADD COLUMN first_slot BLOB;
          ALTER TABLE lists ADD COLUMN draws INTEGER NOT NULL DEFAULT 0;
          CREATE TABLE shadow_lists (
            id TEXT PRIMARY KEY,
            list_id INTEGER NOT NULL REFERENCES lists(id),
            policy TEXT NOT NULL,
            policy_version INTEGER NOT NULL,
            options TEXT NOT NULL,
            propensities TEXT NOT NULL,
            first_slot BLOB NOT NULL,
            draws INTEGER NOT NULL
          );
          CREATE INDEX shadow_lists_by_list ON shadow_lists(list_id);
          """,
          // 8: a compact log. A shown list keeps its stated situation once and its recommendations'
          // JSON deflated together against a key list's (ListBodies); its recommendation rows keep
          // only the columns the audit and the learners read, with situation, body and features
          // empty (rebuilt from the list). The table is rebuilt to let those columns be empty;
          // older rows keep theirs. Feedback is indexed by recommendation for the joins.
          """
          CREATE TABLE recommendations_v8 (
            id TEXT PRIMARY KEY,
            created TEXT NOT NULL,
            option_id TEXT NOT NULL,
            desire TEXT NOT NULL,
            score REAL NOT NULL,
            confidence REAL NOT NULL,
            propensity REAL NOT NULL,
            exploration INTEGER NOT NULL,
            situation TEXT,
            body TEXT,
            features TEXT,
            policy TEXT,
            policy_version INTEGER,
            list_id INTEGER REFERENCES lists(id)
          );
          INSERT INTO recommendations_v8 SELECT id, created, option_id, desire, score, confidence, propensity, exploration,
            situation, body, features, policy, policy_version, list_id FROM recommendations;
          DROP TABLE recommendations;
          ALTER TABLE recommendations_v8 RENAME TO recommendations;
          CREATE INDEX recommendations_by_list ON recommendations(list_id);
          CREATE INDEX feedback_by_recommendation ON feedback(recommendation_id);
          ALTER TABLE lists ADD COLUMN situation TEXT;
          ALTER TABLE lists ADD COLUMN bodies BLOB;
          ALTER TABLE lists ADD COLUMN bodies_key INTEGER;
          """,
          // 9: a source is its content and origin, not its file name: two export.zip from two
          // folders are two sources, and the same bytes at two paths are two sources sharing their
          // signals. Each source gets a short id shown to the person ('key'), the absolute path it
          // was imported from ('origin') and the SHA-256 of its bytes ('content_hash'); sources
          // imported before keep their name as origin and an empty hash until imported again. Which
          // sources brought a signal is the link table (signals.source_id stays the first, for
          // provenance), so a signal goes only when every source that brought it is forgotten.
          // Decisions whose stored values were computed from forgotten data are marked 'forgotten'.
          // Runs with foreign keys off (Vault.migrate), checked before commit.
          """
          CREATE TABLE sources_v9 (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            format TEXT NOT NULL,
            origin TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            first_imported TEXT NOT NULL,
            last_imported TEXT NOT NULL,
            UNIQUE (format, origin, content_hash)
          );
          INSERT INTO sources_v9(id, key, name, format, origin, content_hash, first_imported, last_imported)
            SELECT id, printf('%08x', id), name, format, name, '', first_imported, last_imported FROM sources;
          DROP TABLE sources;
          ALTER TABLE sources_v9 RENAME TO sources;
          CREATE TABLE signal_sources (
            signal_id INTEGER NOT NULL REFERENCES signals(id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            PRIMARY KEY (signal_id, source_id)
          ) WITHOUT ROWID;
          CREATE INDEX signal_sources_by_source ON signal_sources(source_id);
          INSERT INTO signal_sources(signal_id, source_id) SELECT id, source_id FROM signals;
          ALTER TABLE recommendations ADD COLUMN forgotten TEXT;
          ALTER TABLE lists ADD COLUMN forgotten TEXT;
          """,
          // 10: slimmer recommendation rows (issue 14, fault 6: the log's rows cost 650 bytes a list,
          // a third of it). The table is keyed by its id alone (WITHOUT ROWID: no second copy of each
          // id in an index). A row shown in a list keeps what the audit, feedback and the joins read
          // without inflating it (option, desire, propensity, exploration, list); when it was shown
          // comes from its list ('created' empty), its score and confidence from the list's
          // recommendations, where they always were (the columns were never read, and go), and
          // 'in_list' = 1 says its features are its option's vector in the list's candidates, logged
          // by the list's policy (it was: features empty, policy set). Rows logged alone (plans, and
          // lists from before migration 8) keep their own columns. Runs with foreign keys off.
          """
          CREATE TABLE recommendations_v10 (
            id TEXT PRIMARY KEY,
            list_id INTEGER REFERENCES lists(id),
            option_id TEXT NOT NULL,
            desire TEXT NOT NULL,
            propensity REAL NOT NULL,
            exploration INTEGER NOT NULL,
            in_list INTEGER NOT NULL DEFAULT 0,
            created TEXT,
            policy TEXT,
            policy_version INTEGER,
            situation TEXT,
            body TEXT,
            features TEXT,
            forgotten TEXT,
            CHECK (created IS NOT NULL OR list_id IS NOT NULL)
          ) WITHOUT ROWID;
          INSERT INTO recommendations_v10(id, list_id, option_id, desire, propensity, exploration, in_list, created,
            policy, policy_version, situation, body, features, forgotten)
            SELECT id, list_id, option_id, desire, propensity, exploration,
              list_id IS NOT NULL AND features IS NULL AND policy IS NOT NULL,
              CASE WHEN list_id IS NULL THEN created END,
              CASE WHEN list_id IS NOT NULL AND features IS NULL AND policy IS NOT NULL THEN NULL ELSE policy END,
              CASE WHEN list_id IS NOT NULL AND features IS NULL AND policy IS NOT NULL THEN NULL ELSE policy_version END,
              situation, body, features, forgotten FROM recommendations;
          DROP TABLE recommendations;
          ALTER TABLE recommendations_v10 RENAME TO recommendations;
          CREATE INDEX recommendations_by_list ON recommendations(list_id);
          """,
          // 11: the privacy ledger: what left the machine for a federation, append-only.
          // Epsilon NULL means infinite (a contribution sent without noise).
          """
          CREATE TABLE privacy_ledger (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            coordinator TEXT NOT NULL,
            round INTEGER NOT NULL,
            model_version INTEGER NOT NULL,
            bytes_sent INTEGER NOT NULL,
            clip REAL NOT NULL,
            noise_multiplier REAL NOT NULL,
            sampling_rate REAL NOT NULL,
            delta REAL NOT NULL,
            epsilon REAL,
            cumulative_epsilon REAL,
            note TEXT NOT NULL
          );
          """,
          // 12: consent per app and the access log. An app's token is kept only as its
          // SHA-256 (a 256-bit random token needs no slow hash); a revoked grant stays, so its token
          // is refused as revoked and the log keeps naming it. At most one live grant per name. The
          // access log is append-only: every API call, export, forget and rule change, with its actor.
          """
          CREATE TABLE apps (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            token_hash BLOB NOT NULL UNIQUE,
            scopes TEXT NOT NULL,
            created TEXT NOT NULL,
            revoked TEXT
          );
          CREATE UNIQUE INDEX apps_live_by_name ON apps(name) WHERE revoked IS NULL;
          CREATE TABLE access_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            scope TEXT NOT NULL,
            method TEXT NOT NULL,
            route TEXT NOT NULL,
            status INTEGER NOT NULL,
            allowed INTEGER NOT NULL,
            detail TEXT NOT NULL
          );
          CREATE INDEX access_log_by_actor ON access_log(actor, allowed, at);
          """,
          // 13: each time the person chose for themselves ("decide myself": options laid side by
          // side, no ranked pick), so the dependence watch can count it beside asking.
          """
          CREATE TABLE self_choices (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            shown INTEGER NOT NULL,
            via TEXT NOT NULL
          );
          CREATE INDEX self_choices_by_at ON self_choices(at);
          """,
          // 14: the key that seals an encrypted vault's files (text models, fine-tuned weights),
          // kept in the database so that its encryption covers it (FileSealer). Empty when clear.
          """
          CREATE TABLE file_keys (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            key BLOB NOT NULL,
            created TEXT NOT NULL
          );
          """);

  /** The version after which {@link TextKeys#rekey} runs. */
  static final int TEXT_KEYS = 5;
}
