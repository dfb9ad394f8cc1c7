/* member_search.c - finding members as counter staff ask for them, and
 * listing them page by page
 *
 * member_find() ranks: card number, full phone, last four phone digits,
 * then names (exact, starting with, containing).  Every branch is an
 * index lookup, so a search stays instant at a million members.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/db_sql.h"
#include "core/member.h"
#include "core/member_sql.h"
#include "core/rfm.h"
#include "core/text.h"
#include "i18n.h"

void
member_from_row(struct db_stmt *st, struct member *m)
{
	memset(m, 0, sizeof *m);
	m->id = db_col_int(st, 0);
	db_column_text(st, 1, m->card, sizeof m->card);
	db_column_text(st, 2, m->phone, sizeof m->phone);
	db_column_text(st, 3, m->name, sizeof m->name);
	m->gender = (int)db_col_int(st, 4);
	db_column_text(st, 5, m->birthday, sizeof m->birthday);
	db_column_text(st, 6, m->joined, sizeof m->joined);
	db_column_text(st, 7, m->referrer_card, sizeof m->referrer_card);
	db_column_text(st, 8, m->referrer_name, sizeof m->referrer_name);
	member_status_parse(db_col_text(st, 9), &m->status);
	db_column_text(st, 10, m->merged_into, sizeof m->merged_into);
	db_column_text(st, 11, m->tags, sizeof m->tags);
	db_column_text(st, 12, m->note, sizeof m->note);
	m->tier_id = db_col_int(st, 13);
	db_column_text(st, 14, m->tier, sizeof m->tier);
	db_column_text(st, 15, m->tier_since, sizeof m->tier_since);
	m->points = db_col_int(st, 16);
	m->wallet_principal = db_col_int(st, 17);
	m->wallet_bonus = db_col_int(st, 18);
}

/* Run ST (already bound) and hand each row to CB. */
static int
walk(struct md *md, struct db_stmt *st, member_cb cb, void *arg)
{
	struct member m;
	int rc;

	while (db_row(md, st, &rc)) {
		member_from_row(st, &m);
		if ((rc = cb(arg, &m)))
			return rc;
	}
	return rc;
}

/* A name of one or two characters (?4) through name_grams, as three
 * runs of at most a screenful (?5) each in id order: the whole names,
 * the names it starts, and the names that hold it.  The first screenful
 * of the three is the first screenful of all (whole names first, then
 * the names starting so, then the rest, each by id), so a character
 * that a tenth of the shop's names have costs three short index runs,
 * not a sort of all those members.  HEAD finds the names starting with
 * ?4 (by the first-character index for one character); STATUS keeps the
 * members the search may show. */
#define LIVE "m.status IN ('active', 'frozen')"
#define HEAD_1 SQL_INDEXED_BY("members m", "members_name_head") \
	" WHERE substr(m.name, 1, 1) = ?4"
#define HEAD_2 SQL_INDEXED_BY("members m", "members_name") \
	" WHERE m.name >= ?4 AND m.name < ?4 || char(1114111)" \
	" AND substr(m.name, 1, 2) = ?4"
/* The indexes are named: in id order, a scan of every member that
 * stops at the screenful looks cheaper to SQLite than it is when few
 * names match. */
#define SHORT_NAME_IDS(head, status) \
	"SELECT * FROM (SELECT m.id, 3 FROM " SQL_INDEXED_BY("members m", "members_name") \
	"  WHERE m.name = ?4 AND " status " ORDER BY m.id LIMIT ?5)" \
	" UNION ALL SELECT * FROM (SELECT m.id, 3 FROM " head \
	"  AND " status " ORDER BY m.id LIMIT ?5)" \
	" UNION ALL SELECT * FROM (SELECT g.member_id, 3 FROM name_grams g" \
	"  JOIN members m ON m.id = g.member_id WHERE g.gram = lower(?4)" \
	"  AND " status " ORDER BY g.member_id LIMIT ?5)"

int
member_find(struct md *md, const char *query, int limit, bool all,
	    member_cb cb, void *arg)
{
	char folded[256], q[256], phone[PHONE_MAX], phrase[520], sql[2048];
	const char *p;
	struct db_stmt *st;
	size_t chars, o;
	bool digits4;
	int rc;

	text_fold_fullwidth(query, folded, sizeof folded);
	text_trim(folded, q, sizeof q);
	if (!*q)
		return md_fail(md, MD_EINVAL,
			       _("search for what? Give part of a name, a phone number or its last 4 digits, or a card number"));
	if (!text_valid_utf8(q, strlen(q)))
		return md_fail(md, MD_EINVAL, _("the search is not valid UTF-8 text"));
	chars = text_count_chars(q);
	digits4 = strlen(q) == 4 && strspn(q, "0123456789") == 4;

	/* An FTS5 phrase: the text in double quotes, inner quotes doubled,
	 * so that nothing the user typed is read as query syntax. */
	o = 0;
	phrase[o++] = '"';
	for (p = q; *p && o < sizeof phrase - 3; p++) {
		if (*p == '"')
			phrase[o++] = '"';
		phrase[o++] = *p;
	}
	phrase[o++] = '"';
	phrase[o] = '\0';

	snprintf(sql, sizeof sql,
		 "WITH hits(id, rank) AS ("
		 "  SELECT id, 0 FROM members WHERE card = ?1"
		 "  UNION ALL SELECT id, 1 FROM members WHERE phone = ?2"
		 "  UNION ALL SELECT id, 2 FROM members WHERE substr(phone, -4) = ?3"
		 "  UNION ALL %s),"
		 " best(id, rank) AS (SELECT id, min(rank) FROM hits GROUP BY id)"
		 " %s JOIN best b ON b.id = m.id"
		 " WHERE %s"
		 " ORDER BY b.rank, CASE WHEN m.name = ?4 THEN 0"
		 "   WHEN substr(m.name, 1, length(?4)) = ?4 THEN 1 ELSE 2 END,"
		 "   m.id"
		 " LIMIT ?5",
		 chars >= 3 ? SQL_NAME_IDS("3", "?6") :
		 chars == 1 ? all ? SHORT_NAME_IDS(HEAD_1, "1") : SHORT_NAME_IDS(HEAD_1, LIVE) :
		 all ? SHORT_NAME_IDS(HEAD_2, "1") : SHORT_NAME_IDS(HEAD_2, LIVE),
		 MEMBER_SELECT_SQL, all ? "1" : LIVE);
	if ((rc = db_prepare(md, sql, &st)))
		return rc;
	db_bind_text(st, 1, q);
	if (phone_try(q, phone))
		db_bind_text(st, 2, phone);
	if (digits4)
		db_bind_text(st, 3, q);
	db_bind_text(st, 4, q);
	db_bind_int(st, 5, limit > 0 ? limit : -1);
	if (chars >= 3)
		db_bind_text(st, 6, phrase);
	rc = walk(md, st, cb, arg);
	db_finalize(st);
	return rc;
}

static bool
valid_status(const char *s)
{
	enum member_status any;

	return member_status_parse(s, &any) || !strcmp(s, "all");
}

/* The id the filter's tag name stands for (0: not given), and the
 * members' segments scored when it names one. */
static int
resolve_filter(struct md *md, const struct member_filter *f, int64_t *tag)
{
	struct db_stmt *st;
	int rc, segment;

	if (f->status && !valid_status(f->status))
		return md_fail(md, MD_EINVAL,
			       _("status \"%s\" is not one of active, frozen, deleted, merged, all"),
			       f->status);
	if (f->segment && (rc = rfm_segment_parse(md, f->segment, &segment)))
		return rc;
	if (f->tag) {
		if ((rc = db_stmt(md, "SELECT id FROM tags WHERE name = ?", &st)))
			return rc;
		db_bind_copy(st, 1, f->tag);
		if (db_row(md, st, &rc))
			*tag = db_col_int(st, 0);
		db_reset(st);
		if (rc)
			return rc;
		if (!*tag)
			return md_fail(md, MD_ENOTFOUND, _("there is no tag \"%s\""),
				       f->tag);
	}
	/* As of today over the default window, as the reports say. */
	return f->segment ? rfm_compute(md, clock_today(md), RFM_WINDOW) : MD_OK;
}

int
member_list(struct md *md, const struct member_filter *f, member_cb cb,
	    void *arg)
{
	char sql[2048];
	int64_t tag = 0, tier = f->tier_id;
	struct db_stmt *st;
	int rc;

	if ((rc = resolve_filter(md, f, &tag)))
		return rc;
	snprintf(sql, sizeof sql,
		 MEMBER_SELECT_SQL
		 " WHERE m.id > ?1 AND m.id < ?7 AND %s %s %s %s"
		 " ORDER BY m.id %s LIMIT ?4",
		 /* Nearly every member is live: walk them in id order and
		  * stop at the limit.  Through the status index SQLite read
		  * every live member and sorted them for one screenful
		  * (the TUI's first screen, 0.3 s at 1M members). */
		 !f->status ? "+m.status IN ('active', 'frozen')" :
		 !strcmp(f->status, "all") ? "1" : "m.status = ?2",
		 tag ? "AND m.id IN (SELECT member_id FROM member_tags WHERE tag_id = ?3)" : "",
		 tier ? "AND m.tier_id = ?5" : "",
		 f->segment ? "AND " RFM_IN_SEGMENT_SQL("m.id", "?6") : "",
		 f->before_id > 0 ? "DESC" : "");
	if ((rc = db_prepare(md, sql, &st)))
		return rc;
	db_bind_int(st, 1, f->after_id);
	if (f->status)
		db_bind_text(st, 2, f->status);
	db_bind_int(st, 3, tag);
	db_bind_int(st, 4, f->limit > 0 ? f->limit : -1);
	db_bind_int(st, 5, tier);
	db_bind_text(st, 6, f->segment ? f->segment : "");
	db_bind_int(st, 7, f->before_id > 0 ? f->before_id : INT64_MAX);
	rc = walk(md, st, cb, arg);
	db_finalize(st);
	return rc;
}
