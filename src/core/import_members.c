/* import_members.c - one member per row, with opening balances
 *
 * Validation is the CLI's: every field goes through the member_check_*
 * function the CLI and the TUI use, one at a time, so that a rejected row
 * names the column at fault.  Referrers are resolved after the last row,
 * because a referrer may be registered further down the same file.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"
#include "core/db_sql.h"
#include "core/import_priv.h"
#include "core/money.h"
#include "core/text.h"
#include "core/tier.h"
#include "i18n.h"


/* The checked fields of one row. */
struct row {
	struct member_input in;
	char card[CARD_MAX], phone[PHONE_MAX], name[MEMBER_NAME_MAX];
	char birthday[11], joined[20], note[MEMBER_NOTE_MAX];
	char tagbuf[MEMBER_TAGS_MAX][MEMBER_TAG_MAX];
	const char *tags[MEMBER_TAGS_MAX];
	bool frozen;
	int64_t points, balance, bonus;
	char expires[11];
};

/* A members import's own: the row at hand, and the name search trigger
 * set aside for the load (names_defer) with the last member before it. */
struct load {
	struct row w;
	char name_trigger[2048];
	int64_t last_before;
};

static int
split_tags(struct import *im, struct row *w)
{
	size_t i;
	int rc;

	if ((rc = member_split_tags(im->md, import_val(im, F_TAGS), w->tagbuf,
				    &w->in.ntags)))
		return rc;
	for (i = 0; i < w->in.ntags; i++)
		w->tags[i] = w->tagbuf[i];
	w->in.tags = w->tags;
	return MD_OK;
}

/* The status codes of the systems shops leave (doc/migration.md). */
static const struct status_code {
	const char *code;
	bool frozen;
} status_codes[] = {
	{ "", false }, { "active", false }, { "正常", false }, { "有效", false },
	{ "启用", false }, { "啟用", false }, { "激活", false }, { "啟動", false },
	{ "frozen", true }, { "冻结", true }, { "凍結", true }, { "停用", true },
	{ "禁用", true }, { "挂失", true }, { "掛失", true }, { "锁定", true },
	{ "鎖定", true },
};

static void
status_list(bool frozen, char *out, size_t n)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < sizeof status_codes / sizeof *status_codes; i++)
		if (status_codes[i].frozen == frozen && *status_codes[i].code &&
		    len + strlen(status_codes[i].code) + 3 < n)
			len += (size_t)snprintf(out + len, n - len, "%s%s", len ? ", " : "",
						status_codes[i].code);
}

static int
check_status(struct import *im, struct row *w)
{
	const char *s = import_val(im, F_STATUS);
	char active[200], frozen[200];

	for (size_t i = 0; i < sizeof status_codes / sizeof *status_codes; i++)
		if (strcasecmp(s, status_codes[i].code) == 0) {
			w->frozen = status_codes[i].frozen;
			return MD_OK;
		}
	status_list(false, active, sizeof active);
	status_list(true, frozen, sizeof frozen);
	return md_fail(im->md, MD_EINVAL,
		       _("status \"%s\" is not a code memberdesk knows: active is %s; frozen is %s"),
		       s, active, frozen);
}

/* A date cell Excel wrote as its day number (45234) reads as that day. */
static const char *
excel_date(const char *v, char buf[20])
{
	return date_from_excel_serial(v, buf) ? buf : v;
}

static int
check_row(struct import *im, struct row *w)
{
	struct md *md = im->md;
	const char *v;
	char serial[20];
	struct tier t;
	int gender, rc;

	/* The real name, or (CRMEB, Niushop) the nickname when it is empty. */
	if (!*(v = import_val(im, F_NAME)) && !*(v = import_val(im, F_NICKNAME))) {
		im->bad = import_has(im, F_NAME) ? F_NAME : F_NICKNAME;
		return md_fail(md, MD_EINVAL, _("name is required"));
	}
	if ((rc = member_check_name(md, v, w->name)))
		return rc;
	w->in.name = w->name;
	if (*(v = import_val(im, F_CARD))) {
		if ((rc = member_check_card(md, v, w->card)))
			return rc;
		w->in.card = w->card;
	}
	if (*(v = import_val(im, F_PHONE))) {
		if ((rc = member_check_phone(md, v, w->phone)))
			return rc;
		w->in.phone = w->phone;
	}
	if (*(v = import_val(im, F_GENDER))) {
		if ((rc = member_check_gender(md, v, &gender)))
			return rc;
		w->in.gender = v;
	}
	if (*(v = import_val(im, F_BIRTHDAY))) {
		if ((rc = member_check_birthday(md, excel_date(v, serial), w->birthday)))
			return rc;
		w->in.birthday = w->birthday;
	}
	if (*(v = import_val(im, F_JOINED))) {
		if ((rc = date_parse_timestamp(md, _("join date"), excel_date(v, serial),
					       w->joined)))
			return rc;
		w->joined[10] = '\0';
		w->in.joined = w->joined;
	}
	if (*(v = import_val(im, F_NOTE))) {
		if ((rc = member_check_note(md, v, w->note)))
			return rc;
		w->in.note = w->note;
	}
	if ((rc = split_tags(im, w)) || (rc = check_status(im, w)))
		return rc;
	/* A level no tier matches is made one when the row is written
	 * (--create-tiers), not refused here. */
	if (*(v = import_val(im, F_TIER)) && (rc = tier_match(md, v, &t)) &&
	    !(rc == MD_ENOTFOUND && im->o->create_tiers))
		return rc;
	/* Balances too: nothing of a row is written before all of it is
	 * known to be good (bulk mode cannot undo half a row). */
	if ((rc = import_check_points(im, &w->points, w->expires)))
		return rc;
	return import_check_wallet(im, &w->balance, &w->bonus);
}

/* Stash the referrer for the end, when the whole file is in. */
static int
stash_referrer(struct import *im, int64_t member)
{
	const char *ref = import_val(im, F_REFERRER);
	struct db_stmt *st;
	int rc;

	if (!*ref)
		return MD_OK;
	rc = db_stmt(im->md, "INSERT INTO " SQL_TEMP("import_referrers") "(member_id, line, ref)"
		     " VALUES (?, ?, ?)", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, member);
	db_bind_int(st, 2, im->rec->line);
	db_bind_copy(st, 3, ref);
	return db_run(im->md, st);
}

/* Tier, balances, status and referrer: for a new or an updated member.
 * A member the load has just added takes the balances set-wise at the
 * end (unless a later row of the file may update them, and its own
 * balances go in before). */
static int
apply_extras(struct import *im, struct row *w, int64_t id, const char *card, bool added)
{
	const char *tier = import_val(im, F_TIER);
	enum import_outcome out;
	bool created = false;
	int rc;

	if (*tier && (rc = tier_import(im->md, id, tier, im->detail, im->o->create_tiers,
				       &created)))
		return rc;
	im->res->tiers_created += created;
	if (added && im->o->on_duplicate != IMPORT_DUP_UPDATE)
		rc = import_stage_opening(im, id, w->points, w->expires, w->balance, w->bonus);
	else if (!(rc = import_open_points(im, id, w->points, w->expires, &out)))
		rc = import_open_wallet(im, id, w->balance, w->bonus, &out);
	if (rc)
		return rc;
	if (w->frozen && (rc = member_freeze(im->md, card)) && rc != MD_ECONFLICT)
		return rc;
	return stash_referrer(im, id);
}

static int
existing(struct import *im, struct row *w, int64_t *id, char card[CARD_MAX])
{
	struct member m;
	int rc;

	*id = 0;
	if (!w->in.card && !w->in.phone)
		return MD_OK;
	rc = member_get(im->md, w->in.card ? w->card : w->phone, &m);
	if (rc == MD_ENOTFOUND)
		return MD_OK;
	if (rc)
		return rc;
	if (w->in.card && strcmp(m.card, w->card) != 0)
		return MD_OK;	/* the card is new; a taken phone is caught on add */
	*id = m.id;
	strcpy(card, m.card);
	im->bad = w->in.card ? F_CARD : F_PHONE;
	return member_require_current(im->md, &m);
}

static int
update(struct import *im, struct row *w, int64_t id, const char *card)
{
	struct member_input in = w->in;
	int rc;

	if (im->o->on_duplicate == IMPORT_DUP_SKIP) {
		im->outcome = OUT_DUPLICATE;
		return MD_OK;
	}
	im->bad = w->in.card ? F_CARD : F_PHONE;
	if (im->o->on_duplicate == IMPORT_DUP_FAIL)
		return md_fail(im->md, MD_ECONFLICT, _("member %s is already registered"),
			       card);
	/* Empty cells are NULL in W->IN: what is stored stays. */
	in.card = NULL;
	in.joined = NULL;	/* the first registration stands */
	in.tags = NULL;
	in.ntags = 0;
	im->bad = F_NONE;
	if ((rc = member_edit(im->md, card, &in)))
		return rc;
	if (w->in.ntags && (rc = member_tag(im->md, card, w->in.tags, w->in.ntags)))
		return rc;
	im->outcome = OUT_UPDATED;
	return apply_extras(im, w, id, card, false);
}

static int
members_row(struct import *im)
{
	struct row *w = &((struct load *)im->state)->w;
	char card[CARD_MAX];
	int64_t id;
	int rc;

	memset(w, 0, sizeof *w);
	w->in.imported = true;
	if ((rc = check_row(im, w)))
		return rc;
	im->bad = F_NONE;
	if ((rc = existing(im, w, &id, card)))
		return rc;
	if (id)
		return update(im, w, id, card);
	/* Checked here too, to name the column at fault. */
	im->bad = F_CARD;
	if (w->in.card && (rc = member_check_card_not_phone(im->md, w->card, 0)))
		return rc;
	im->bad = w->in.phone ? F_PHONE : F_NONE;
	if ((rc = member_add(im->md, &w->in, card)) ||
	    (rc = member_resolve(im->md, card, &id)))
		return rc;
	im->bad = F_NONE;
	return apply_extras(im, w, id, card, true);
}

/* Referrers, now that every member of the file is in. */
/* One stashed referrer: set it, or reject its row. */
static int
set_referrer(struct import *im, int64_t member, int64_t line, const char *key)
{
	struct db_stmt *st;
	int64_t ref;
	int rc;

	rc = member_resolve(im->md, key, &ref);
	if (rc == MD_OK && ref == member)
		rc = md_fail(im->md, MD_EINVAL, _("a member cannot refer themselves"));
	if (rc == MD_ENOTFOUND || rc == MD_EINVAL)
		return import_reject_late(im, line, F_REFERRER, key, im->md->err);
	if (rc || (rc = db_stmt(im->md, "UPDATE members SET referrer_id = ? WHERE id = ?",
				&st)))
		return rc;
	db_bind_int(st, 1, ref);
	db_bind_int(st, 2, member);
	return db_run(im->md, st);
}

/* The name search indexes of a member added: FTS5 writes a segment of
 * its own at every statement that inserts into it, and merges them all
 * along; a member at a time, that was two thirds of a members import
 * (0.6 ms a member).  So the trigger that keeps them for every new
 * member is dropped for the load, inside the import's transaction (no
 * one else sees it gone, and a rollback brings it back), and the new
 * members' names go in with one statement each at the end.  Not when
 * members are updated: a member added and then renamed by a later row
 * would be taken out of an index it was never put in. */
static int
names_defer(struct import *im)
{
	struct load *w = im->state;
	struct db_stmt *st;
	int rc;

	if (im->o->on_duplicate == IMPORT_DUP_UPDATE)
		return MD_OK;
	if ((rc = db_prepare(im->md, "SELECT sql, (SELECT coalesce(max(id), 0) FROM members)"
			     " FROM sqlite_schema WHERE type = 'trigger'"
			     " AND name = 'members_name_ai'", &st)))
		return rc;
	if (db_row(im->md, st, &rc)) {
		db_column_text(st, 0, w->name_trigger, sizeof w->name_trigger);
		w->last_before = db_col_int(st, 1);
	}
	db_finalize(st);
	if (rc || !*w->name_trigger)
		return rc;
	return db_exec(im->md, "DROP TRIGGER members_name_ai");
}

static const char *const names_build_sql[] = {
	"INSERT INTO member_names(rowid, name) SELECT id, name FROM members WHERE id > ?1",
	"INSERT OR IGNORE INTO name_grams(gram, member_id)"
	" SELECT lower(substr(m.name, p.n, 1)), m.id FROM members m"
	"   JOIN name_positions p ON p.n <= length(m.name) WHERE m.id > ?1"
	" UNION ALL SELECT lower(substr(m.name, p.n, 2)), m.id FROM members m"
	"   JOIN name_positions p ON p.n < length(m.name) WHERE m.id > ?1",
};

/* The names of the members the load added, into both search indexes
 * (as the trigger would have put them), and the trigger back. */
static int
names_build(struct import *im)
{
	struct load *w = im->state;
	struct db_stmt *st;
	size_t i;
	int rc = MD_OK;

	if (!*w->name_trigger)
		return MD_OK;
	for (i = 0; i < sizeof names_build_sql / sizeof *names_build_sql && !rc; i++) {
		if ((rc = db_prepare(im->md, names_build_sql[i], &st)))
			break;
		db_bind_int(st, 1, w->last_before);
		rc = db_run(im->md, st);
		db_finalize(st);
	}
	return rc ? rc : db_exec(im->md, w->name_trigger);
}

/* The names and the indexes set aside, then the referrers, now that
 * every member of the file is in. */
static int
members_finish(struct import *im)
{
	struct db_stmt *st;
	int rc;

	if ((rc = names_build(im)) || (rc = import_indexes_build(im)) ||
	    (rc = import_open_staged(im)))
		return rc;
	if ((rc = db_prepare(im->md, "SELECT member_id, line, ref FROM " SQL_TEMP("import_referrers")
			     " ORDER BY line", &st)))
		return rc;
	while (db_row(im->md, st, &rc) &&
	       !(rc = set_referrer(im, db_col_int(st, 0), db_col_int(st, 1),
				   db_col_text(st, 2))))
		;
	db_finalize(st);
	return rc;
}

/* The indexes the rows' checks look members up by stay: card and phone
 * (UNIQUE, kept anyway) and the card's digits (a phone that is
 * someone's card). */
static const char *const members_keep[] = { "members_card_digits", NULL };

/* Whether the file is large beside the shop: its rows guessed from its
 * size (a member is 60 to 200 bytes a row). */
static int
members_defer(struct import *im)
{
	int64_t have;
	int rc;

	if ((rc = db_int(im->md, "SELECT coalesce(max(id), 0) FROM members", &have)))
		return rc;
	if (im->size / 100 < have)
		return MD_OK;
	return import_indexes_defer(im, "members", members_keep);
}

static int
members_begin(struct import *im)
{
	int rc;

	if (!(im->state = calloc(1, sizeof(struct load))))
		return md_fail(im->md, MD_ENOMEM, _("out of memory"));
	if ((rc = db_exec(im->md, "CREATE TEMP TABLE IF NOT EXISTS import_referrers("
			  " member_id INTEGER, line INTEGER, ref TEXT)")) ||
	    (rc = db_exec(im->md, "DELETE FROM " SQL_TEMP("import_referrers"))))
		return rc;
	if ((rc = members_defer(im)))
		return rc;
	return names_defer(im);
}

int
import_members_setup(struct import *im)
{
	im->begin = members_begin;
	im->row = members_row;
	im->finish = members_finish;
	return MD_OK;
}
