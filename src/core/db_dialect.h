/* db_dialect.h - the pieces of SQL that are SQLite's own, by name
 *
 * The core's statements are string literals; where SQLite and
 * PostgreSQL say a thing differently, the statement says it with one of
 * these, so that a second backend changes this file and not the
 * modules.  Each says what PostgreSQL would write.
 */
#ifndef MD_DB_DIALECT_H
#define MD_DB_DIALECT_H

/* A connection's temporary table T.  PostgreSQL: pg_temp.T */
#define SQL_TEMP(t) "temp." t

/* A JSON object of key, value, ...  PostgreSQL: json_build_object */
#define SQL_JSON_OBJECT "json_object"
/* Text that holds JSON, as JSON (NULL stays NULL).  PostgreSQL: (x)::json */
#define SQL_JSON(x) "json(" x ")"
/* The text at PATH ('$.to') in the JSON text X.  PostgreSQL: X::json->>'to' */
#define SQL_JSON_TEXT(x, path) "json_extract(" x ", " path ")"

/* The values of X in a group, joined by SEP (a string literal in SQL).
 * PostgreSQL: string_agg(X, SEP) */
#define SQL_GROUP_CONCAT(x, sep) "group_concat(" x ", " sep ")"

/* The smaller of two values.  PostgreSQL: least(A, B) */
#define SQL_LEAST "min"

/* The day after day X ('YYYY-MM-DD').  PostgreSQL: (X::date + 1)::text */
#define SQL_DAY_AFTER(x) "date(" x ", '+1 day')"
/* The Sunday on or after day X.  PostgreSQL: a date_trunc sum */
#define SQL_SUNDAY_ON_OR_AFTER(x) "date(" x ", 'weekday 0')"

/* Read TABLE through the index I (SQLite plans a scan without
 * statistics otherwise).  PostgreSQL: TABLE alone. */
#define SQL_INDEXED_BY(table, i) table " INDEXED BY " i

/* The ids of the members whose name holds the text N (a parameter),
 * and EXTRA, through the trigram index member_names (FTS5).
 * PostgreSQL: pg_trgm's name LIKE. */
#define SQL_NAME_IDS(extra, n) \
	"SELECT rowid, " extra " FROM member_names WHERE member_names MATCH " n

#endif
