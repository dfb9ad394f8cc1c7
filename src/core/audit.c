/* audit.c - the audit log
 *
 * Rows are only ever appended, in the same transaction as the change
 * they describe: a change that rolls back leaves no audit row, and one
 * that commits always has one.  Triggers (migration 7) refuse any change
 * but filling in a row's hash, once.
 *
 * Each row's hash is SHA-256 over the hash of the row before it and the
 * row's own fields, so that a row deleted or rewritten outside memberdesk
 * (with sqlite3) breaks the chain from there on, and check says where.
 * Someone who rewrites every hash after theirs is caught against the
 * chain's head in the latest backup (check_run).
 */
#include <config.h>

#include <stdarg.h>
#include <string.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/db_sql.h"
#include "core/operator.h"
#include "core/sha256.h"
#include "core/text.h"
#include "i18n.h"

static int
insert(struct md *md, const char *sql, enum action action, int64_t member_id,
       const char *a, const char *b, const char *c)
{
	char now[20];
	struct db_stmt *st;
	int rc;

	/* Every change passes here: what the operator may not do fails
	 * its transaction, whichever face or path it came by. */
	if ((rc = operator_may(md, action)) || (rc = db_stmt(md, sql, &st)))
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
	if ((rc = db_run(md, st)))
		return rc;
	/* A bulk load seals its rows in one pass when it is done (the
	 * import's own row comes after them): per row, the seal's reads
	 * and its update were a tenth of a members import. */
	return md->bulk ? MD_OK : audit_seal(md);
}

/* One field into the hash: its length and its bytes, or "-" for NULL,
 * so that no two different rows hash the same text. */
static void
hash_field(struct sha256 *h, const char *s)
{
	char len[24];

	if (!s) {
		sha256_update(h, "-", 1);
		return;
	}
	snprintf(len, sizeof len, "%zu:", strlen(s));
	sha256_update(h, len, strlen(len));
	sha256_update(h, s, strlen(s));
}

/* The hash of the row ST is on (id, at, operator, action, member_id,
 * old, new), after the row whose hash is PREV ("" for the first). */
static void
row_hash(struct db_stmt *st, const char *prev, char out[AUDIT_HASH_LEN + 1])
{
	struct sha256 h;
	int i;

	sha256_init(&h);
	hash_field(&h, prev);
	for (i = 0; i < 7; i++)
		hash_field(&h, db_col_text(st, i));
	sha256_hex(&h, out);
}

#define ROW_SQL "SELECT id, at, operator, action, member_id, old, new, hash FROM audit"

int
audit_head(struct md *md, struct audit_chain *head)
{
	struct db_stmt *st;
	int rc;

	memset(head, 0, sizeof *head);
	if ((rc = db_stmt(md, "SELECT id, hash FROM audit WHERE hash IS NOT NULL"
			  " ORDER BY id DESC LIMIT 1", &st)))
		return rc;
	if (db_row(md, st, &rc)) {
		head->last_id = db_col_int(st, 0);
		db_column_text(st, 1, head->hash, sizeof head->hash);
	}
	db_reset(st);
	return rc;
}

/* Hash the rows after the last hashed one, a batch at a time (a row is
 * not updated under the statement that is reading it). */
int
audit_seal(struct md *md)
{
	struct { int64_t id; char hash[AUDIT_HASH_LEN + 1]; } batch[256];
	struct audit_chain head;
	struct db_stmt *st;
	int rc, n, i;

	if ((rc = audit_head(md, &head)))
		return rc;
	do {
		if ((rc = db_stmt(md, ROW_SQL " WHERE id > ?1 ORDER BY id LIMIT 256", &st)))
			return rc;
		db_bind_int(st, 1, head.last_id);
		for (n = 0; db_row(md, st, &rc); n++) {
			batch[n].id = db_col_int(st, 0);
			row_hash(st, head.hash, batch[n].hash);
			head.last_id = batch[n].id;
			memcpy(head.hash, batch[n].hash, sizeof head.hash);
		}
		db_reset(st);
		if (rc)
			return rc;
		for (i = 0; i < n; i++) {
			if ((rc = db_stmt(md, "UPDATE audit SET hash = ?2 WHERE id = ?1", &st)))
				return rc;
			db_bind_int(st, 1, batch[i].id);
			db_bind_text(st, 2, batch[i].hash);
			if ((rc = db_run(md, st)))
				return rc;
		}
	} while (n == 256);
	return MD_OK;
}

int
audit_seal_all(struct md *md)
{
	int rc;

	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, audit_seal(md));
}

int
audit_verify(struct md *md, int (*cb)(void *arg, int64_t id, const char *why),
	     void *arg, struct audit_chain *head)
{
	char want[AUDIT_HASH_LEN + 1], prev[AUDIT_HASH_LEN + 1] = "";
	struct db_stmt *st;
	int64_t expect = 1;
	const char *have;
	int rc;

	memset(head, 0, sizeof *head);
	if ((rc = db_prepare(md, ROW_SQL " ORDER BY id", &st)))
		return rc;
	while (db_row(md, st, &rc)) {
		int64_t id = db_col_int(st, 0);

		row_hash(st, prev, want);
		have = db_col_text(st, 7);
		/* Ids are given one after another and never reused: a gap is
		 * a row that was deleted. */
		if (id != expect && (rc = cb(arg, id, N_("the rows before it are missing"))))
			break;
		if (!have) {
			if ((rc = cb(arg, id, N_("it was added outside memberdesk (it has no hash)"))))
				break;
		} else if (strcmp(have, want) &&
			   (rc = cb(arg, id, N_("it was changed or a row before it was deleted or changed"))))
			break;
		/* Go on from the stored hash: one bad row is one finding. */
		snprintf(prev, sizeof prev, "%s", have ? have : want);
		expect = id + 1;
		head->last_id = id;
		head->rows++;
		memcpy(head->hash, prev, sizeof prev);
	}
	db_finalize(st);
	return rc;
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
audit_log_sql(struct md *md, const char *sql, enum action action, int64_t member_id)
{
	return insert(md, sql, action, member_id, NULL, NULL, NULL);
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
audit_list(struct md *md, const struct audit_filter *f,
	   int (*cb)(void *arg, const struct audit_row *row), void *arg)
{
	struct db_stmt *st;
	struct audit_row r;
	int rc;

	if ((rc = operator_may(md, ACTION_AUDIT_VIEW)))
		return rc;
	/* Two statements rather than "?1 = 0 OR member_id = ?1", so that
	 * one member's history uses its index. */
	rc = db_prepare(md, f->member_id ?
			"SELECT a.id, a.at, a.operator, a.action, m.card, a.old, a.new"
			"  FROM audit a LEFT JOIN members m ON m.id = a.member_id"
			" WHERE a.member_id = ?1 AND (?3 IS NULL OR a.operator = ?3)"
			"   AND (?4 IS NULL OR a.action = ?4) AND (?5 IS NULL OR a.at >= ?5)"
			"   AND (?6 IS NULL OR a.at < ?6) ORDER BY a.id DESC LIMIT ?2" :
			"SELECT a.id, a.at, a.operator, a.action, m.card, a.old, a.new"
			"  FROM audit a LEFT JOIN members m ON m.id = a.member_id"
			" WHERE (?3 IS NULL OR a.operator = ?3)"
			"   AND (?4 IS NULL OR a.action = ?4) AND (?5 IS NULL OR a.at >= ?5)"
			"   AND (?6 IS NULL OR a.at < ?6) ORDER BY a.id DESC LIMIT ?2", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, f->member_id);
	db_bind_int(st, 2, f->limit > 0 ? f->limit : -1);
	db_bind_text_or_null(st, 3, f->by);
	db_bind_text_or_null(st, 4, f->action);
	db_bind_text_or_null(st, 5, f->from);
	/* "--to 2026-07-31" takes in the whole day: before the next one. */
	db_bind_text_or_null(st, 6, f->to);
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
