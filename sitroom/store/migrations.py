"""Schema migrations, applied in order; `schema_version` records the last one applied."""
from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles, events, claims
    """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY, date DATE NOT NULL, title VARCHAR, text VARCHAR NOT NULL,
        source VARCHAR, url VARCHAR, origin VARCHAR NOT NULL,
        ingested_at TIMESTAMP DEFAULT current_timestamp);
    CREATE TABLE events (
        event_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, origin VARCHAR,
        article_date DATE, type VARCHAR NOT NULL, mode VARCHAR, status VARCHAR NOT NULL,
        actor_text VARCHAR, actor_country VARCHAR, actor_sector VARCHAR, actor_entity VARCHAR,
        recipient_text VARCHAR, recipient_country VARCHAR, recipient_sector VARCHAR,
        recipient_entity VARCHAR,
        date DATE, date_precision VARCHAR,
        location_name VARCHAR, location_country VARCHAR, location_admin1 VARCHAR,
        lat DOUBLE, lon DOUBLE, quantities VARCHAR,
        said_by_text VARCHAR, said_by_country VARCHAR, said_by_entity VARCHAR,
        cameo_root VARCHAR, goldstein DOUBLE,
        evidence_text VARCHAR, evidence_start INTEGER, evidence_end INTEGER, confidence DOUBLE);
    CREATE TABLE claims (
        claim_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, origin VARCHAR,
        article_date DATE, about VARCHAR, unit VARCHAR, value DOUBLE, value_max DOUBLE,
        qualifier VARCHAR, claimant_text VARCHAR, claimant_country VARCHAR,
        claimant_entity VARCHAR, date DATE, group_id VARCHAR,
        evidence_text VARCHAR, evidence_start INTEGER, evidence_end INTEGER);
    CREATE INDEX events_article ON events(article_id);
    CREATE INDEX events_dyad ON events(actor_country, recipient_country);
    CREATE INDEX claims_article ON claims(article_id);
    """,
    # 2: claim groups (kept up to date by Store.regroup_claims; see migration 5)
    """
    CREATE TABLE claim_groups (
        group_id VARCHAR PRIMARY KEY, about VARCHAR, unit VARCHAR, min DOUBLE, max DOUBLE,
        contested BOOLEAN, parent_group_id VARCHAR, n_claims INTEGER);
    CREATE INDEX claims_group ON claims(group_id);
    """,
    # 3: stories and canonical events (rebuilt across the whole store by Store.rebuild_stories)
    """
    CREATE TABLE stories (
        story_id VARCHAR PRIMARY KEY, title VARCHAR, first_date DATE, last_date DATE,
        num_articles INTEGER, terms VARCHAR);
    CREATE TABLE story_articles (
        article_id VARCHAR PRIMARY KEY, story_id VARCHAR NOT NULL, duplicate_of VARCHAR,
        similarity DOUBLE);
    CREATE TABLE canonical_events AS
        SELECT *, NULL::VARCHAR AS story_id, NULL::INTEGER AS num_mentions,
               NULL::INTEGER AS num_articles, NULL::INTEGER AS num_sources,
               NULL::DATE AS first_reported, NULL::DATE AS last_reported
        FROM events LIMIT 0;
    CREATE UNIQUE INDEX canonical_events_id ON canonical_events(event_id);
    CREATE TABLE event_mentions (
        event_id VARCHAR PRIMARY KEY, canonical_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL,
        repeat BOOLEAN NOT NULL);
    CREATE INDEX story_articles_story ON story_articles(story_id);
    CREATE INDEX canonical_dyad ON canonical_events(actor_country, recipient_country);
    CREATE INDEX event_mentions_canonical ON event_mentions(canonical_id);
    """,
    # 4: what a story rebuild needs per article and per event, so that `Store.update_stories`
    # recomputes only what new articles can change (docs/stories.md, "Incremental")
    """
    CREATE TABLE story_features (
        article_id VARCHAR PRIMARY KEY, terms VARCHAR[], weights DOUBLE[]);
    CREATE TABLE story_bands (article_id VARCHAR NOT NULL, band UTINYINT NOT NULL,
        key BLOB NOT NULL);
    CREATE TABLE event_blocks (event_id VARCHAR PRIMARY KEY, block VARCHAR NOT NULL);
    """,
    # 5: what an incremental claim regroup needs per group (docs/claims.md, "In the store"):
    # the partition (story) it was grouped in, its plain and alternative ids and its founding
    # claim. Groups stored before this have NULL base_id: the next regroup redoes them all.
    """
    ALTER TABLE claim_groups ADD COLUMN partition_key VARCHAR;
    ALTER TABLE claim_groups ADD COLUMN base_id VARCHAR;
    ALTER TABLE claim_groups ADD COLUMN alt_id VARCHAR;
    ALTER TABLE claim_groups ADD COLUMN founder_claim_id VARCHAR;
    CREATE INDEX claim_groups_partition ON claim_groups(partition_key);
    CREATE INDEX claim_groups_base ON claim_groups(base_id);
    """,
    # 6: events coded with a user's PETRARCH/TABARI verb dictionary (`sitroom code --db`,
    # docs/dictionaries.md, "In the store"), each under the SHA-256 of the dictionary file that
    # coded it, beside the articles they were coded from. Not the `articles` table: a row there
    # says the article's PLOVER events and claims are stored, and ingest skips it.
    """
    CREATE TABLE verb_dictionaries (
        sha256 VARCHAR PRIMARY KEY, name VARCHAR NOT NULL,
        first_coded_at TIMESTAMP DEFAULT current_timestamp);
    CREATE TABLE coded_articles (
        id VARCHAR PRIMARY KEY, date DATE NOT NULL, title VARCHAR, text VARCHAR NOT NULL,
        source VARCHAR, url VARCHAR, origin VARCHAR NOT NULL,
        coded_at TIMESTAMP DEFAULT current_timestamp);
    CREATE TABLE coded_events (
        dictionary_sha256 VARCHAR NOT NULL, event_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL, origin VARCHAR, article_date DATE, code VARCHAR NOT NULL,
        source_text VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_entity VARCHAR,
        target_text VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_entity VARCHAR,
        verb VARCHAR, pattern VARCHAR, line INTEGER, status VARCHAR NOT NULL,
        said_by_text VARCHAR, said_by_country VARCHAR, said_by_entity VARCHAR,
        evidence_text VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
        PRIMARY KEY (dictionary_sha256, event_id));
    CREATE INDEX coded_events_article ON coded_events(article_id, dictionary_sha256);
    """,
    # 7: what each claim counts and for what (issue 17, docs/claims.md "Roles"): the counted
    # thing, its role (dead, injured, crowd, deployed, money, ...) and the event of its article
    # it belongs to. Claims stored before keep NULLs (read as role "other", no event); their
    # groups are marked legacy so the next regroup redoes them all by the new grouping.
    """
    ALTER TABLE claims ADD COLUMN counted VARCHAR;
    ALTER TABLE claims ADD COLUMN role VARCHAR;
    ALTER TABLE claims ADD COLUMN event_id VARCHAR;
    UPDATE claim_groups SET base_id = NULL;
    """,
    # 8: steps owed after an ingest stored articles (the story update and the claim regrouping):
    # a row written in the same transaction as the articles, deleted when the steps finish, so
    # the next ingest finishes what a killed one left (sitroom/store/steps.py)
    """
    CREATE TABLE pending_steps (
        step VARCHAR PRIMARY KEY, since TIMESTAMP DEFAULT current_timestamp);
    """,
]
