/* migrate.c - the schema, as the list of steps that built it
 *
 * Never edit a migration that has shipped: add a new one.  doc/schema.md
 * describes the tables these steps create (and the ones later steps will
 * add), and why they look the way they do.
 */
#include <config.h>

#include <stdio.h>

#include "core/db.h"
#include "core/migrate.h"
#include "i18n.h"

/* The one- and two-character substrings of ROW.name, lowercased (ROW is
 * "new" or "old" in a trigger), as a query with one column, gram. */
#define GRAMS_OF(row) \
	"SELECT lower(substr(" row ".name, n, 1)) AS gram FROM name_positions" \
	" WHERE n <= length(" row ".name)" \
	" UNION SELECT lower(substr(" row ".name, n, 2)) FROM name_positions" \
	" WHERE n < length(" row ".name)"

/* 1: members, tags, settings, audit log. */
static const char migration_1[] =
	"CREATE TABLE settings("
	"  key   TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	") STRICT, WITHOUT ROWID;"

	/* Birthdays are "YYYY-MM-DD" or "MM-DD" (year unknown), so
	 * substr(birthday, -5) is the month and day either way.  gender:
	 * 0 unknown, 1 male, 2 female (the ID-card convention old systems
	 * export).  A deleted or merged member keeps their row, phone and
	 * card: history points at them. */
	"CREATE TABLE members("
	"  id          INTEGER PRIMARY KEY,"
	"  card        TEXT NOT NULL UNIQUE,"
	"  phone       TEXT UNIQUE,"
	"  name        TEXT NOT NULL,"
	"  gender      INTEGER NOT NULL DEFAULT 0 CHECK (gender IN (0, 1, 2)),"
	"  birthday    TEXT,"
	"  joined      TEXT NOT NULL,"
	"  referrer_id INTEGER REFERENCES members(id),"
	"  note        TEXT NOT NULL DEFAULT '',"
	"  status      TEXT NOT NULL DEFAULT 'active'"
	"              CHECK (status IN ('active', 'frozen', 'deleted', 'merged')),"
	"  merged_into INTEGER REFERENCES members(id)"
	") STRICT;"
	/* Counter staff ask for the last four digits of the phone. */
	"CREATE INDEX members_phone_tail ON members(substr(phone, -4));"
	"CREATE INDEX members_referrer ON members(referrer_id)"
	"  WHERE referrer_id IS NOT NULL;"
	"CREATE INDEX members_birthday ON members(substr(birthday, -5))"
	"  WHERE birthday IS NOT NULL;"
	"CREATE INDEX members_status ON members(status, id);"

	"CREATE TABLE tags("
	"  id   INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE COLLATE NOCASE"
	") STRICT;"
	"CREATE TABLE member_tags("
	"  member_id INTEGER NOT NULL REFERENCES members(id),"
	"  tag_id    INTEGER NOT NULL REFERENCES tags(id),"
	"  PRIMARY KEY (member_id, tag_id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX member_tags_by_tag ON member_tags(tag_id, member_id);"

	/* Name search.  Substrings of three or more characters go through
	 * an FTS5 trigram index; one- and two-character queries (most
	 * Chinese names are two or three characters) through name_grams,
	 * every one- and two-character substring of every name.  Both are
	 * kept by triggers, so any writer keeps them right. */
	"CREATE VIRTUAL TABLE member_names USING fts5("
	"  name, content='members', content_rowid='id', tokenize='trigram');"
	"CREATE TABLE name_grams("
	"  gram      TEXT NOT NULL,"
	"  member_id INTEGER NOT NULL,"
	"  PRIMARY KEY (gram, member_id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE name_positions(n INTEGER PRIMARY KEY) STRICT;"
	"WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < 64)"
	"  INSERT INTO name_positions SELECT n FROM p;"
	"CREATE TRIGGER members_name_ai AFTER INSERT ON members BEGIN"
	"  INSERT INTO member_names(rowid, name) VALUES (new.id, new.name);"
	"  INSERT OR IGNORE INTO name_grams(gram, member_id)"
	"    SELECT gram, new.id FROM (" GRAMS_OF("new") ");"
	"END;"
	"CREATE TRIGGER members_name_au AFTER UPDATE OF name ON members BEGIN"
	"  INSERT INTO member_names(member_names, rowid, name)"
	"    VALUES ('delete', old.id, old.name);"
	"  INSERT INTO member_names(rowid, name) VALUES (new.id, new.name);"
	"  DELETE FROM name_grams WHERE member_id = old.id"
	"    AND gram IN (" GRAMS_OF("old") ");"
	"  INSERT OR IGNORE INTO name_grams(gram, member_id)"
	"    SELECT gram, new.id FROM (" GRAMS_OF("new") ");"
	"END;"
	"CREATE TRIGGER members_name_ad AFTER DELETE ON members BEGIN"
	"  INSERT INTO member_names(member_names, rowid, name)"
	"    VALUES ('delete', old.id, old.name);"
	"  DELETE FROM name_grams WHERE member_id = old.id"
	"    AND gram IN (" GRAMS_OF("old") ");"
	"END;"

	/* Who changed what.  old/new are JSON snapshots of what changed. */
	"CREATE TABLE audit("
	"  id        INTEGER PRIMARY KEY,"
	"  at        TEXT NOT NULL,"
	"  operator  TEXT NOT NULL,"
	"  action    TEXT NOT NULL,"
	"  member_id INTEGER REFERENCES members(id),"
	"  old       TEXT,"
	"  new       TEXT"
	") STRICT;"
	"CREATE INDEX audit_member ON audit(member_id, id)"
	"  WHERE member_id IS NOT NULL;"
	"CREATE INDEX audit_at ON audit(at);";

static const char *const migrations[] = {
	migration_1,
};

#define N_MIGRATIONS ((int)(sizeof migrations / sizeof *migrations))

int
migrate_latest(void)
{
	return N_MIGRATIONS;
}

static int
apply(struct md *md, int version)
{
	char sql[80];
	int64_t current;
	int rc;

	if ((rc = db_begin(md)))
		return rc;
	/* Another process may have migrated while we waited for the lock. */
	if ((rc = db_int(md, "PRAGMA user_version", &current)))
		goto out;
	if (current >= version)
		goto out;
	if ((rc = db_exec(md, migrations[version - 1])))
		goto out;
	snprintf(sql, sizeof sql, "PRAGMA application_id=%d; PRAGMA user_version=%d",
		 DB_APPLICATION_ID, version);
	rc = db_exec(md, sql);
out:
	if (rc && rc != MD_ECONFLICT) {
		char why[sizeof md->err];

		snprintf(why, sizeof why, "%s", md->err);
		md_fail(md, rc, _("cannot upgrade the database to schema %d: %s"),
			version, why);
	}
	return db_end(md, rc);
}

int
migrate_run(struct md *md)
{
	int64_t version;
	int rc, v;

	if ((rc = db_int(md, "PRAGMA user_version", &version)))
		return rc;
	for (v = (int)version + 1; v <= N_MIGRATIONS; v++)
		if ((rc = apply(md, v)))
			return rc;
	return MD_OK;
}
