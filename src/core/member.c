/* member.c - adding, reading, editing, tagging and retiring members */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/db_sql.h"
#include "core/member.h"
#include "core/member_sql.h"
#include "core/operator.h"
#include "core/settings.h"
#include "core/text.h"
#include "i18n.h"

/* The normalised form of a member_input. */
struct fields {
	char card[CARD_MAX];
	char phone[PHONE_MAX];
	char name[MEMBER_NAME_MAX];
	int gender;
	char birthday[11];
	char joined[11];
	char note[MEMBER_NOTE_MAX];
	char tags[MEMBER_TAGS_MAX][MEMBER_TAG_MAX];
	size_t ntags;
};

static int
check_tags(struct md *md, const char *const *tags, size_t n, struct fields *f)
{
	char tag[MEMBER_TAG_MAX];
	size_t i, j;
	int rc;

	f->ntags = 0;
	for (i = 0; i < n; i++) {
		if ((rc = member_check_tag(md, tags[i], tag)))
			return rc;
		for (j = 0; j < f->ntags; j++)
			if (!strcmp(f->tags[j], tag))
				break;
		if (j < f->ntags)
			continue;
		if (f->ntags == MEMBER_TAGS_MAX)
			return md_fail(md, MD_EINVAL,
				       _("a member can have at most %d tags"),
				       MEMBER_TAGS_MAX);
		strcpy(f->tags[f->ntags++], tag);
	}
	return MD_OK;
}

/* Check every field IN gives; the ones it does not give keep F's value. */
static int
check_fields(struct md *md, const struct member_input *in, struct fields *f)
{
	struct date dt;
	int rc = MD_OK;

	if (in->card && (rc = member_check_card(md, in->card, f->card)))
		return rc;
	if (in->name && (rc = member_check_name(md, in->name, f->name)))
		return rc;
	if (in->phone) {
		char trimmed[64];

		text_trim(in->phone, trimmed, sizeof trimmed);
		if (!*trimmed)
			f->phone[0] = '\0';
		else if ((rc = member_check_phone(md, in->phone, f->phone)))
			return rc;
	}
	if (in->gender && (rc = member_check_gender(md, in->gender, &f->gender)))
		return rc;
	if (in->birthday) {
		char trimmed[64];

		text_trim(in->birthday, trimmed, sizeof trimmed);
		if (!*trimmed)
			f->birthday[0] = '\0';
		else if ((rc = member_check_birthday(md, in->birthday, f->birthday)))
			return rc;
	}
	if (in->note && (rc = member_check_note(md, in->note, f->note)))
		return rc;
	if (in->joined) {
		if ((rc = date_parse(md, _("join date"), in->joined, &dt, false)))
			return rc;
		if (date_to_days(dt) > date_to_days(clock_today(md)))
			return md_fail(md, MD_EINVAL,
				       _("join date \"%s\" is in the future"), in->joined);
		date_format(dt, f->joined);
	}
	if (in->ntags)
		rc = check_tags(md, in->tags, in->ntags, f);
	return rc;
}

static int
card_taken(struct md *md, const char *card, int64_t except_id)
{
	bool row;
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, "SELECT id, name FROM members WHERE card = ?", &st)))
		return rc;
	db_bind_copy(st, 1, card);
	row = db_row(md, st, &rc);
	if (row && db_col_int(st, 0) != except_id) {
		rc = md_fail(md, MD_ECONFLICT, _("card %s already belongs to %s"),
			     card, db_col_text(st, 1));
		db_reset(st);
		return rc;
	}
	db_reset(st);
	return rc;
}

/* The next free generated card: the counter and its check digit. */
static int
generate_card(struct md *md, char out[CARD_MAX])
{
	char next[32];
	int64_t seq;
	int rc;

	if ((rc = settings_get_int(md, "card_next", &seq)))
		return rc;
	for (;; seq++) {
		card_from_seq((uint64_t)seq, out);
		rc = card_taken(md, out, 0);
		if (rc == MD_OK)
			rc = member_check_card_not_phone(md, out, 0);
		if (rc == MD_OK)
			break;
		if (rc != MD_ECONFLICT)
			return rc;
	}
	snprintf(next, sizeof next, "%lld", (long long)seq + 1);
	return settings_put_raw(md, "card_next", next);
}

/* Look up the referrer KEY for member SELF_ID (0 when adding). */
static int
resolve_referrer(struct md *md, const char *key, int64_t self_id, int64_t *id)
{
	struct member r;
	int rc;

	if ((rc = member_get(md, key, &r))) {
		if (rc == MD_ENOTFOUND)
			md_fail(md, MD_EINVAL,
				_("referrer \"%s\" is not a member (give a card or phone number)"),
				key);
		return rc == MD_ENOTFOUND ? MD_EINVAL : rc;
	}
	if (r.id == self_id)
		return md_fail(md, MD_EINVAL, _("a member cannot be their own referrer"));
	if (!member_is_current(r.status))
		return md_fail(md, MD_EINVAL, _("referrer %s (%s) is %s"), r.card,
			       r.name, member_status_label(r.status));
	*id = r.id;
	return MD_OK;
}

int
member_snapshot(struct md *md, int64_t id, char **json)
{
	struct db_stmt *st;
	int rc;

	*json = NULL;
	if ((rc = db_stmt(md, MEMBER_JSON_SQL, &st)))
		return rc;
	db_bind_int(st, 1, id);
	if (db_row(md, st, &rc))
		*json = strdup(db_col_text(st, 0));
	db_reset(st);
	return *json ? MD_OK : db_fail(md);
}

int
member_audit(struct md *md, enum action action, int64_t id, const char *old)
{
	char *now;
	int rc;

	if (!old)
		return audit_log_sql(md, MEMBER_AUDIT_NEW_SQL, action, id);
	if ((rc = member_snapshot(md, id, &now)))
		return rc;
	if (!old || strcmp(old, now))
		rc = audit_log(md, action, id, old, now);
	free(now);
	return rc;
}

static int
tag_id(struct md *md, const char *name, bool create, int64_t *id)
{
	bool row;
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, "SELECT id FROM tags WHERE name = ?", &st)))
		return rc;
	db_bind_copy(st, 1, name);
	row = db_row(md, st, &rc);
	*id = row ? db_col_int(st, 0) : 0;
	db_reset(st);
	if (rc)
		return rc;
	if (*id || !create)
		return MD_OK;
	if ((rc = db_stmt(md, "INSERT INTO tags(name) VALUES (?)", &st)))
		return rc;
	db_bind_copy(st, 1, name);
	if ((rc = db_run(md, st)))
		return rc;
	*id = db_last_id(md);
	return MD_OK;
}

static int
add_tags(struct md *md, int64_t member_id, const struct fields *f)
{
	struct db_stmt *st;
	int64_t tid, count;
	size_t i;
	int rc;

	if (f->ntags == 0)
		return MD_OK;	/* nothing added: the count is what it was */
	for (i = 0; i < f->ntags; i++) {
		if ((rc = tag_id(md, f->tags[i], true, &tid)))
			return rc;
		rc = db_stmt(md, "INSERT INTO member_tags(member_id, tag_id)"
			     " VALUES (?, ?) ON CONFLICT DO NOTHING", &st);
		if (rc)
			return rc;
		db_bind_int(st, 1, member_id);
		db_bind_int(st, 2, tid);
		if ((rc = db_run(md, st)))
			return rc;
	}
	if ((rc = db_int_arg(md, "SELECT count(*) FROM member_tags WHERE member_id = ?",
			     member_id, &count)))
		return rc;
	if (count > MEMBER_TAGS_MAX)
		return md_fail(md, MD_EINVAL, _("a member can have at most %d tags"),
			       MEMBER_TAGS_MAX);
	return MD_OK;
}

static int
add_locked(struct md *md, const struct member_input *in, struct fields *f,
	   char card_out[CARD_MAX])
{
	int64_t referrer = 0, id;
	struct db_stmt *st;
	bool required;
	int rc;

	if (!*f->phone && !in->imported) {
		if ((rc = settings_get_bool(md, "phone_required", &required)))
			return rc;
		if (required)
			return md_fail(md, MD_EINVAL,
				       _("phone is required to register a member (the setting phone_required can relax this)"));
	}
	if (*f->phone && (rc = member_check_phone_free(md, f->phone, 0)))
		return rc;
	if (*f->card && !(rc = card_taken(md, f->card, 0)))
		rc = member_check_card_not_phone(md, f->card, 0);
	else if (!*f->card)
		rc = generate_card(md, f->card);
	if (rc)
		return rc;
	if (in->referrer && *in->referrer &&
	    (rc = resolve_referrer(md, in->referrer, 0, &referrer)))
		return rc;
	if (!*f->joined)
		clock_today_text(md, f->joined);

	rc = db_stmt(md, "INSERT INTO members(card, phone, name, gender, birthday,"
		     " joined, referrer_id, note, tier_id, tier_since)"
		     " VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
		     "  (SELECT id FROM tiers WHERE rank = 0), ?6)", &st);
	if (rc)
		return rc;
	db_bind_text(st, 1, f->card);
	db_bind_text_or_null(st, 2, f->phone);
	db_bind_text(st, 3, f->name);
	db_bind_int(st, 4, f->gender);
	db_bind_text_or_null(st, 5, f->birthday);
	db_bind_text(st, 6, f->joined);
	if (referrer)
		db_bind_int(st, 7, referrer);
	db_bind_text(st, 8, f->note);
	if ((rc = db_run(md, st)))
		return rc;
	id = db_last_id(md);
	if ((rc = add_tags(md, id, f)))
		return rc;
	if ((rc = member_audit(md, in->imported ? ACTION_MEMBER_IMPORT : ACTION_MEMBER_ADD,
			       id, NULL)))
		return rc;
	strcpy(card_out, f->card);
	return MD_OK;
}

int
member_add(struct md *md, const struct member_input *in, char card_out[CARD_MAX])
{
	struct fields f;
	int rc;

	memset(&f, 0, sizeof f);
	if (!in->name)
		return md_fail(md, MD_EINVAL, _("name is required"));
	if ((rc = check_fields(md, in, &f)))
		return rc;
	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, add_locked(md, in, &f, card_out));
}

/* The id of the member whose column (in SQL) equals VALUE; 0 if none. */
static int
lookup(struct md *md, const char *sql, const char *value, int64_t *id)
{
	bool row;
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, sql, &st)))
		return rc;
	db_bind_copy(st, 1, value);
	row = db_row(md, st, &rc);
	*id = row ? db_col_int(st, 0) : 0;
	db_reset(st);
	return rc;
}

int
member_resolve(struct md *md, const char *key, int64_t *id)
{
	char folded[128], k[128], phone[PHONE_MAX];
	int rc;

	*id = 0;
	if (!text_fold_fullwidth(key, folded, sizeof folded))
		goto none;	/* longer than any card or phone */
	text_trim(folded, k, sizeof k);
	/* A card first: a card that looks like a phone is still a card.
	 * But the card of a member who was merged away (often the phone
	 * they used as a card, now their new record's phone) or deleted
	 * comes after the phone. */
	if ((rc = lookup(md, "SELECT id FROM members WHERE card = ?"
			 " AND status IN ('active', 'frozen')", k, id)))
		return rc;
	if (!*id && phone_try(k, phone) &&
	    (rc = lookup(md, "SELECT id FROM members WHERE phone = ?", phone, id)))
		return rc;
	if (!*id && (rc = lookup(md, "SELECT id FROM members WHERE card = ?", k, id)))
		return rc;
	if (*id)
		return MD_OK;
none:
	return md_fail(md, MD_ENOTFOUND, _("no member has the card or phone number \"%s\""),
		       key);
}

int
member_get_id(struct md *md, int64_t id, struct member *m)
{
	bool row;
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, MEMBER_SELECT_SQL " WHERE m.id = ?", &st)))
		return rc;
	db_bind_int(st, 1, id);
	row = db_row(md, st, &rc);
	if (row)
		member_from_row(st, m);
	db_reset(st);
	if (!row && !rc)
		return md_fail(md, MD_ENOTFOUND, _("no member with id %lld"), (long long)id);
	return rc;
}

int
member_get(struct md *md, const char *key, struct member *m)
{
	int64_t id;
	int rc;

	if ((rc = member_resolve(md, key, &id)))
		return rc;
	return member_get_id(md, id, m);
}

/* Refuse changes to members that are gone from the listing. */
int
member_require_current(struct md *md, const struct member *m)
{
	if (m->status == MEMBER_DELETED)
		return md_fail(md, MD_ECONFLICT,
			       _("member %s (%s) is deleted; restore it first"),
			       m->card, m->name);
	if (m->status == MEMBER_MERGED)
		return md_fail(md, MD_ECONFLICT,
			       _("member %s (%s) was merged into %s"), m->card,
			       m->name, m->merged_into);
	return MD_OK;
}

static int
replace_tags(struct md *md, int64_t member_id, const struct fields *f)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, "DELETE FROM member_tags WHERE member_id = ?", &st)))
		return rc;
	db_bind_int(st, 1, member_id);
	return (rc = db_run(md, st)) ? rc : add_tags(md, member_id, f);
}

static int
edit_locked(struct md *md, const char *key, const struct member_input *in,
	    struct fields *f)
{
	struct member m;
	int64_t referrer;
	struct db_stmt *st;
	char *old = NULL;
	bool required;
	int rc;

	if ((rc = member_get(md, key, &m)) || (rc = member_require_current(md, &m)))
		return rc;
	/* Start from what is stored; the given fields were checked into F
	 * already and win. */
	if (!in->card)
		strcpy(f->card, m.card);
	if (!in->name)
		strcpy(f->name, m.name);
	if (!in->phone)
		strcpy(f->phone, m.phone);
	if (!in->gender)
		f->gender = m.gender;
	if (!in->birthday)
		strcpy(f->birthday, m.birthday);
	if (!in->note)
		strcpy(f->note, m.note);
	if (in->card && ((rc = card_taken(md, f->card, m.id)) ||
			 (rc = member_check_card_not_phone(md, f->card, m.id))))
		return rc;
	if (in->phone && *f->phone && (rc = member_check_phone_free(md, f->phone, m.id)))
		return rc;
	if (in->phone && !*f->phone && *m.phone) {
		if ((rc = settings_get_bool(md, "phone_required", &required)))
			return rc;
		if (required)
			return md_fail(md, MD_EINVAL,
				       _("phone is required (the setting phone_required can relax this)"));
	}
	if ((rc = member_snapshot(md, m.id, &old)))
		return rc;
	rc = db_stmt(md, "UPDATE members SET card = ?, phone = ?, name = ?,"
		     " gender = ?, birthday = ?, note = ? WHERE id = ?", &st);
	if (rc)
		goto out;
	db_bind_text(st, 1, f->card);
	db_bind_text_or_null(st, 2, f->phone);
	db_bind_text(st, 3, f->name);
	db_bind_int(st, 4, f->gender);
	db_bind_text_or_null(st, 5, f->birthday);
	db_bind_text(st, 6, f->note);
	db_bind_int(st, 7, m.id);
	if ((rc = db_run(md, st)))
		goto out;
	if (in->referrer) {
		referrer = 0;
		if (*in->referrer &&
		    (rc = resolve_referrer(md, in->referrer, m.id, &referrer)))
			goto out;
		rc = db_stmt(md, "UPDATE members SET referrer_id = ? WHERE id = ?", &st);
		if (rc)
			goto out;
		if (referrer)
			db_bind_int(st, 1, referrer);
		db_bind_int(st, 2, m.id);
		if ((rc = db_run(md, st)))
			goto out;
	}
	if (in->tags && (rc = replace_tags(md, m.id, f)))
		goto out;
	rc = member_audit(md, ACTION_MEMBER_EDIT, m.id, old);
out:
	free(old);
	return rc;
}

int
member_edit(struct md *md, const char *key, const struct member_input *in)
{
	struct fields f;
	int rc;

	memset(&f, 0, sizeof f);
	if ((rc = check_fields(md, in, &f)))
		return rc;
	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, edit_locked(md, key, in, &f));
}

static int
untag_locked(struct md *md, int64_t member_id, const struct fields *f)
{
	struct db_stmt *st;
	int64_t tid;
	size_t i;
	int rc;

	for (i = 0; i < f->ntags; i++) {
		if ((rc = tag_id(md, f->tags[i], false, &tid)))
			return rc;
		rc = db_stmt(md, "DELETE FROM member_tags WHERE member_id = ? AND tag_id = ?",
			     &st);
		if (rc)
			return rc;
		db_bind_int(st, 1, member_id);
		db_bind_int(st, 2, tid);
		if ((rc = db_run(md, st)))
			return rc;
		if (db_changes(md) == 0)
			return md_fail(md, MD_EINVAL,
				       _("member does not have the tag \"%s\""),
				       f->tags[i]);
	}
	return MD_OK;
}

static int
retag(struct md *md, const char *key, const char *const *tags, size_t n,
      bool add)
{
	struct fields f;
	struct member m;
	char *old = NULL;
	int rc;

	if (n == 0)
		return md_fail(md, MD_EINVAL, _("no tag given"));
	if ((rc = check_tags(md, tags, n, &f)))
		return rc;
	if ((rc = db_begin(md)))
		return rc;
	if ((rc = member_get(md, key, &m)) || (rc = member_require_current(md, &m)) ||
	    (rc = member_snapshot(md, m.id, &old)))
		goto out;
	rc = add ? add_tags(md, m.id, &f) : untag_locked(md, m.id, &f);
	if (rc == MD_OK)
		rc = member_audit(md, add ? ACTION_MEMBER_TAG : ACTION_MEMBER_UNTAG, m.id, old);
out:
	free(old);
	return db_end(md, rc);
}

int
member_tag(struct md *md, const char *key, const char *const *tags, size_t n)
{
	return retag(md, key, tags, n, true);
}

int
member_untag(struct md *md, const char *key, const char *const *tags, size_t n)
{
	return retag(md, key, tags, n, false);
}

/* One status change: allowed only from FROM. */
int
member_joined_by(struct md *md, int64_t id, const char *at)
{
	bool row;
	char day[11], joined[11];
	struct db_stmt *st;
	int rc;

	text_copy(day, sizeof day, at);
	if ((rc = db_stmt(md, "SELECT joined FROM members WHERE id = ?", &st)))
		return rc;
	db_bind_int(st, 1, id);
	row = db_row(md, st, &rc);
	if (row)
		db_column_text(st, 0, joined, sizeof joined);
	db_reset(st);
	if (!row)
		return (!row && !rc) ? md_fail(md, MD_ENOTFOUND, _("no member with id %lld"),
						   (long long)id) : db_fail(md);
	if (strcmp(day, joined) >= 0)
		return MD_OK;
	if ((rc = db_stmt(md, "UPDATE members SET joined = ? WHERE id = ?", &st)))
		return rc;
	db_bind_text(st, 1, day);
	db_bind_int(st, 2, id);
	if ((rc = db_run(md, st)))
		return rc;
	return audit_log_value(md, ACTION_MEMBER_JOINED, id, "joined", joined, day);
}

/* Move KEY's member from one of the statuses in FROM (a bit per
 * status) to TO. */
static int
set_status(struct md *md, const char *key, unsigned from, enum member_status to,
	   enum action action)
{
	struct member m;
	struct db_stmt *st;
	char *old = NULL;
	int rc;

	if ((rc = db_begin(md)))
		return rc;
	if ((rc = member_get(md, key, &m)))
		goto out;
	if (m.status == to) {
		rc = md_fail(md, MD_ECONFLICT, _("member %s (%s) is already %s"),
			     m.card, m.name, member_status_label(to));
		goto out;
	}
	if (!(from & 1u << m.status)) {
		if (!member_is_current(m.status))
			rc = member_require_current(md, &m);
		else
			rc = md_fail(md, MD_ECONFLICT, _("member %s (%s) is %s, not %s"),
				     m.card, m.name, member_status_label(m.status),
				     member_status_label((enum member_status)
							 __builtin_ctz(from)));
		goto out;
	}
	if ((rc = member_snapshot(md, m.id, &old)))
		goto out;
	if ((rc = db_stmt(md, "UPDATE members SET status = ? WHERE id = ?", &st)))
		goto out;
	db_bind_text(st, 1, member_status_key(to));
	db_bind_int(st, 2, m.id);
	if ((rc = db_run(md, st)))
		goto out;
	rc = member_audit(md, action, m.id, old);
out:
	free(old);
	return db_end(md, rc);
}

#define FROM(s) (1u << (s))

int
member_freeze(struct md *md, const char *key)
{
	return set_status(md, key, FROM(MEMBER_ACTIVE), MEMBER_FROZEN, ACTION_MEMBER_FREEZE);
}

int
member_unfreeze(struct md *md, const char *key)
{
	return set_status(md, key, FROM(MEMBER_FROZEN), MEMBER_ACTIVE, ACTION_MEMBER_UNFREEZE);
}

int
member_delete(struct md *md, const char *key)
{
	int rc = operator_may(md, ACTION_MEMBER_DELETE);

	return rc ? rc : set_status(md, key, FROM(MEMBER_ACTIVE) | FROM(MEMBER_FROZEN), MEMBER_DELETED,
			  ACTION_MEMBER_DELETE);
}

int
member_restore(struct md *md, const char *key)
{
	int rc = operator_may(md, ACTION_MEMBER_RESTORE);

	return rc ? rc : set_status(md, key, FROM(MEMBER_DELETED), MEMBER_ACTIVE, ACTION_MEMBER_RESTORE);
}

/* Statements that fold DROP (?2) into KEEP (?1). */
static const char *const fold_sql[] = {
	/* Tags: the union. */
	"INSERT INTO member_tags(member_id, tag_id)"
	"  SELECT ?1, tag_id FROM member_tags WHERE member_id = ?2"
	"  ON CONFLICT DO NOTHING",
	"DELETE FROM member_tags WHERE member_id = ?2",
	/* Whoever DROP referred now counts as referred by KEEP. */
	"UPDATE members SET referrer_id = NULL WHERE id = ?1 AND referrer_id = ?2",
	"UPDATE members SET referrer_id = ?1 WHERE referrer_id = ?2 AND id <> ?1",
	/* What KEEP lacks, DROP supplies; the earlier join date wins. */
	"UPDATE members SET"
	"  birthday = coalesce(birthday, (SELECT birthday FROM members WHERE id = ?2)),"
	"  gender = CASE gender WHEN 0 THEN (SELECT gender FROM members WHERE id = ?2)"
	"           ELSE gender END,"
	"  referrer_id = coalesce(referrer_id,"
	"    (SELECT referrer_id FROM members WHERE id = ?2 AND referrer_id <> ?1)),"
	"  joined = " SQL_LEAST "(joined, (SELECT joined FROM members WHERE id = ?2))"
	" WHERE id = ?1",
	/* The phone moves when KEEP has none (below); either way DROP frees
	 * it (the audit row keeps it). */
	("UPDATE members SET phone = NULL, status = 'merged', merged_into = ?1"
	 " WHERE id = ?2"),
	"UPDATE members SET phone = ?3 WHERE id = ?1 AND phone IS NULL AND ?3 IS NOT NULL",
};

int
member_check_mergeable(struct md *md, const struct member *keep,
		       const struct member *drop)
{
	int rc;

	if (keep->id == drop->id)
		return md_fail(md, MD_EINVAL, _("cannot merge a member into itself"));
	if ((rc = member_require_current(md, keep)) || (rc = member_require_current(md, drop)))
		return rc;
	/* DROP's phone moves to KEEP when KEEP has none: it must not be
	 * a third member's card.  (DROP's own card may spell it: DROP is
	 * merged, and a phone beats the card of a member who is gone.) */
	if (!*keep->phone && *drop->phone)
		return member_check_phone_not_card(md, drop->phone, keep->id, drop->id);
	return MD_OK;
}

int
member_fold(struct md *md, const struct member *keep, const struct member *drop)
{
	struct db_stmt *st;
	size_t i;
	int rc;

	for (i = 0; i < sizeof fold_sql / sizeof *fold_sql; i++) {
		if ((rc = db_stmt(md, fold_sql[i], &st)))
			return rc;
		db_bind_int(st, 1, keep->id);
		db_bind_int(st, 2, drop->id);
		if (db_params(st) == 3)
			db_bind_text_or_null(st, 3, drop->phone);
		if ((rc = db_run(md, st)))
			return rc;
	}
	return MD_OK;
}
