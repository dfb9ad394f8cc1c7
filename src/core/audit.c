/* audit.c - the audit log
 *
 * Rows are only ever appended, in the same transaction as the change
 * they describe: a change that rolls back leaves no audit row, and one
 * that commits always has one.
 */
#include <config.h>

#include <stdarg.h>
#include <string.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/db_sql.h"
#include "core/text.h"
#include "i18n.h"

static int
insert(struct md *md, const char *sql, enum action action, int64_t member_id,
       const char *a, const char *b, const char *c)
{
	char now[20];
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, sql, &st)))
		return rc;
	clock_timestamp(md, now);
	db_bind_copy(st, 1, now);
	db_bind_text(st, 2, md->operator_name);
	db_bind_text(st, 3, action_key(action));
	if (member_id)
		db_bind_int(st, 4, member_id);
	db_bind_text_or_null(st, 5, a);
	db_bind_text_or_null(st, 6, b);
	if (c)
		db_bind_text(st, 7, c);
	return db_run(md, st);
}

int
audit_log(struct md *md, enum action action, int64_t member_id,
	  const char *old_json, const char *new_json)
{
	return insert(md,
		      "INSERT INTO audit(at, operator, action, member_id, old, new)"
		      " VALUES (?1, ?2, ?3, ?4, " SQL_JSON("?5") ", " SQL_JSON("?6") ")",
		      action, member_id, old_json, new_json, NULL);
}

int
audit_log_value(struct md *md, enum action action, int64_t member_id,
		const char *key, const char *old, const char *new_value)
{
	return insert(md,
		      "INSERT INTO audit(at, operator, action, member_id, old, new)"
		      " VALUES (?1, ?2, ?3, ?4, " SQL_JSON_OBJECT "(?7, ?5), " SQL_JSON_OBJECT "(?7, ?6))",
		      action, member_id, old, new_value, key);
}

int
audit_log_pairs(struct md *md, enum action action, int64_t member_id, ...)
{
	char json[4096], key[256], value[2048];
	const char *k, *v;
	size_t o = 0;
	va_list ap;

	json[o++] = '{';
	va_start(ap, member_id);
	while ((k = va_arg(ap, const char *))) {
		v = va_arg(ap, const char *);
		if (!text_json_string(k, key, sizeof key) ||
		    !text_json_string(v ? v : "", value, sizeof value) ||
		    o + strlen(key) + strlen(value) + 3 >= sizeof json) {
			va_end(ap);
			return md_fail(md, MD_EINVAL, _("audit entry too long"));
		}
		o += snprintf(json + o, sizeof json - o, "%s%s:%s", o > 1 ? "," : "",
			      key, value);
	}
	va_end(ap);
	json[o++] = '}';
	json[o] = '\0';
	return audit_log(md, action, member_id, NULL, json);
}

int
audit_list(struct md *md, int64_t member_id, int limit,
	   int (*cb)(void *arg, const struct audit_row *row), void *arg)
{
	struct db_stmt *st;
	struct audit_row r;
	int rc;

	/* Two statements rather than "?1 = 0 OR member_id = ?1", so that
	 * one member's history uses its index. */
	rc = db_prepare(md, member_id ?
			"SELECT a.id, a.at, a.operator, a.action, m.card, a.old, a.new"
			"  FROM audit a LEFT JOIN members m ON m.id = a.member_id"
			" WHERE a.member_id = ?1 ORDER BY a.id DESC LIMIT ?2" :
			"SELECT a.id, a.at, a.operator, a.action, m.card, a.old, a.new"
			"  FROM audit a LEFT JOIN members m ON m.id = a.member_id"
			" ORDER BY a.id DESC LIMIT ?2", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, member_id);
	db_bind_int(st, 2, limit > 0 ? limit : -1);
	while (db_row(md, st, &rc)) {
		r.id = db_col_int(st, 0);
		r.at = db_col_text(st, 1);
		r.operator_name = db_col_text(st, 2);
		r.action = db_col_text(st, 3);
		r.card = db_col_text(st, 4);
		r.old_json = db_col_text(st, 5);
		r.new_json = db_col_text(st, 6);
		if ((rc = cb(arg, &r)))
			goto out;
	}
out:
	db_finalize(st);
	return rc;
}
