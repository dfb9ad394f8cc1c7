/* member_check.c - the rules for each member field
 *
 * The CLI, the TUI (inline, as a field is left) and the CSV import all
 * call these, so a phone that is wrong at the counter is wrong in the
 * same words on migration day.
 */
#include <config.h>

#include <string.h>
#include <strings.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/db_sql.h"
#include "core/member.h"
#include "core/text.h"
#include "i18n.h"

int
member_check_name(struct md *md, const char *in, char out[MEMBER_NAME_MAX])
{
	char buf[1024];
	int w, rc;

	if (!text_valid_utf8(in, strlen(in)))
		return md_fail(md, MD_EINVAL, _("name is not valid UTF-8 text"));
	if (text_has_control(in, false))
		return md_fail(md, MD_EINVAL,
			       _("name must not contain control characters such as tabs or line breaks"));
	if (strlen(in) >= sizeof buf)
		return md_fail(md, MD_EINVAL,
			       _("name is too long: at most %d columns fit"),
			       MEMBER_NAME_COLS);
	text_trim(in, buf, sizeof buf);
	if (!*buf)
		return md_fail(md, MD_EINVAL, _("name is required"));
	if ((rc = text_check_readable(md, _("name"), buf, true)))
		return rc;
	w = text_width(buf);
	if (w > MEMBER_NAME_COLS || text_count_chars(buf) > MEMBER_NAME_CHARS ||
	    strlen(buf) >= MEMBER_NAME_MAX)
		return md_fail(md, MD_EINVAL,
			       _("name \"%s\" is %d columns wide: at most %d fit (a Chinese character takes 2)"),
			       buf, w, MEMBER_NAME_COLS);
	strcpy(out, buf);
	return MD_OK;
}

int
member_check_phone(struct md *md, const char *in, char out[PHONE_MAX])
{
	if (!text_valid_utf8(in, strlen(in)))
		return md_fail(md, MD_EINVAL, _("phone is not valid UTF-8 text"));
	return phone_normalize(md, in, out);
}

int
member_check_gender(struct md *md, const char *in, int *gender)
{
	static const struct {
		const char *word;
		int gender;
	} words[] = {
		{"", GENDER_UNKNOWN}, {"unknown", GENDER_UNKNOWN},
		{"u", GENDER_UNKNOWN}, {"0", GENDER_UNKNOWN},
		{"\xE6\x9C\xAA\xE7\x9F\xA5", GENDER_UNKNOWN},	/* 未知 */
		{"保密", GENDER_UNKNOWN},	/* CRMEB, Niushop: not said */
		{"male", GENDER_MALE}, {"m", GENDER_MALE}, {"1", GENDER_MALE},
		{"\xE7\x94\xB7", GENDER_MALE},			/* 男 */
		{"female", GENDER_FEMALE}, {"f", GENDER_FEMALE},
		{"2", GENDER_FEMALE}, {"\xE5\xA5\xB3", GENDER_FEMALE},	/* 女 */
	};
	char buf[64];
	size_t i;

	text_trim(in, buf, sizeof buf);
	for (i = 0; i < sizeof words / sizeof *words; i++) {
		if (!strcasecmp(buf, words[i].word)) {
			*gender = words[i].gender;
			return MD_OK;
		}
	}
	return md_fail(md, MD_EINVAL,
		       _("gender \"%s\" is not one of male, female, unknown (or 男/女/保密/未知, M/F/U, 1/2/0)"),
		       in);
}

int
member_check_birthday(struct md *md, const char *in, char out[11])
{
	struct date dt, today = clock_today(md);
	int rc;

	rc = date_parse(md, _("birthday"), in, &dt, true);
	if (rc)
		return rc;
	if (dt.y && dt.y < 1900)
		return md_fail(md, MD_EINVAL, _("birthday \"%s\" is before 1900"), in);
	if (dt.y && date_to_days(dt) > date_to_days(today))
		return md_fail(md, MD_EINVAL, _("birthday \"%s\" is in the future"), in);
	date_format(dt, out);
	return MD_OK;
}

int
member_check_note(struct md *md, const char *in, char out[MEMBER_NOTE_MAX])
{
	char buf[MEMBER_NOTE_MAX * 2];
	size_t i, o;

	if (!text_valid_utf8(in, strlen(in)))
		return md_fail(md, MD_EINVAL, _("note is not valid UTF-8 text"));
	if (text_has_control(in, true))
		return md_fail(md, MD_EINVAL,
			       _("note must not contain control characters other than line breaks"));
	if (strlen(in) >= sizeof buf || text_count_chars(in) > MEMBER_NOTE_CHARS)
		return md_fail(md, MD_EINVAL, _("note is longer than %d characters"),
			       MEMBER_NOTE_CHARS);
	if (text_flaw(in, NULL) == TEXT_BIDI)
		return text_check_readable(md, _("note"), in, false);
	text_trim(in, buf, sizeof buf);
	/* One line break convention: LF. */
	for (i = o = 0; buf[i]; i++)
		if (!(buf[i] == '\r' && buf[i + 1] == '\n'))
			buf[o++] = buf[i];
	buf[o] = '\0';
	if (o >= MEMBER_NOTE_MAX)
		return md_fail(md, MD_EINVAL, _("note is longer than %d characters"),
			       MEMBER_NOTE_CHARS);
	strcpy(out, buf);
	return MD_OK;
}

/* Characters that separate tags in lists ("VIP;学生", "VIP，学生"), so a
 * tag cannot hold them. */
static const char *const tag_separators[] = {
	",", ";", "|", "\xEF\xBC\x8C" /* ， */, "\xEF\xBC\x9B" /* ； */,
	"\xE3\x80\x81" /* 、 */,
};

int
member_check_tag(struct md *md, const char *in, char out[MEMBER_TAG_MAX])
{
	char buf[256];
	size_t i;
	int rc;

	if (!text_valid_utf8(in, strlen(in)) || text_has_control(in, false))
		return md_fail(md, MD_EINVAL,
			       _("tag must be plain text (valid UTF-8, no control characters)"));
	if (strlen(in) >= sizeof buf)
		return md_fail(md, MD_EINVAL, _("tag is wider than %d columns"),
			       MEMBER_TAG_COLS);
	text_trim(in, buf, sizeof buf);
	if (!*buf)
		return md_fail(md, MD_EINVAL, _("tag is empty"));
	if ((rc = text_check_readable(md, _("tag"), buf, true)))
		return rc;
	for (i = 0; i < sizeof tag_separators / sizeof *tag_separators; i++)
		if (strstr(buf, tag_separators[i]))
			return md_fail(md, MD_EINVAL,
				       _("tag \"%s\" must not contain %s (it separates tags in lists)"),
				       buf, tag_separators[i]);
	if (text_width(buf) > MEMBER_TAG_COLS || strlen(buf) >= MEMBER_TAG_MAX)
		return md_fail(md, MD_EINVAL, _("tag \"%s\" is wider than %d columns"),
			       buf, MEMBER_TAG_COLS);
	strcpy(out, buf);
	return MD_OK;
}

/* The length of the tag separator S starts with, or 0. */
static size_t
separator(const char *s)
{
	size_t i, n;

	for (i = 0; i < sizeof tag_separators / sizeof *tag_separators; i++) {
		n = strlen(tag_separators[i]);
		if (!strncmp(s, tag_separators[i], n))
			return n;
	}
	return 0;
}

int
member_split_tags(struct md *md, const char *list,
		  char out[MEMBER_TAGS_MAX][MEMBER_TAG_MAX], size_t *n)
{
	char one[256];
	size_t k;
	int rc;

	*n = 0;
	while (*list) {
		for (k = 0; list[k] && !separator(list + k); k++)
			;
		snprintf(one, sizeof one, "%.*s", (int)k, list);
		list += k;
		list += separator(list);
		text_trim(one, one, sizeof one);
		if (!*one)
			continue;
		if (*n == MEMBER_TAGS_MAX)
			return md_fail(md, MD_EINVAL, _("a member can have at most %d tags"),
				       MEMBER_TAGS_MAX);
		if ((rc = member_check_tag(md, one, out[*n])))
			return rc;
		(*n)++;
	}
	return MD_OK;
}

int
member_check_card(struct md *md, const char *in, char out[CARD_MAX])
{
	char folded[128], buf[128];

	if (!text_fold_fullwidth(in, folded, sizeof folded))
		buf[0] = '\0';		/* longer than any card: refused below */
	else
		text_trim(folded, buf, sizeof buf);
	if (!card_format_ok(buf))
		return md_fail(md, MD_EINVAL,
			       _("card \"%s\" must be 1 to %d letters, digits, '-' or '_'"),
			       in, CARD_MAX - 1);
	strcpy(out, buf);
	return MD_OK;
}

int
member_check_phone_free(struct md *md, const char *phone, int64_t except_id)
{
	struct db_stmt *st;
	int rc;

	rc = db_stmt(md, "SELECT id, card, name, status FROM members WHERE phone = ?",
		     &st);
	if (rc)
		return rc;
	db_bind_copy(st, 1, phone);
	if (db_row(md, st, &rc) && db_col_int(st, 0) != except_id) {
		enum member_status status = MEMBER_ACTIVE;

		member_status_parse(db_col_text(st, 3), &status);
		if (status == MEMBER_ACTIVE)
			rc = md_fail(md, MD_ECONFLICT,
				     _("phone %s already belongs to card %s (%s)"), phone,
				     db_col_text(st, 1),
				     db_col_text(st, 2));
		else
			rc = md_fail(md, MD_ECONFLICT,
				     _("phone %s already belongs to card %s (%s, %s)"),
				     phone, db_col_text(st, 1),
				     db_col_text(st, 2),
				     member_status_label(status));
		db_reset(st);
		return rc;
	}
	db_reset(st);
	return rc ? rc : member_check_phone_not_card(md, phone, except_id, 0);
}

/* A key typed at the counter is looked up as a card first, then as a
 * phone (member_resolve), so a card that reads as someone else's phone
 * would take that member's sales.  The card's digits, dashes dropped,
 * are what phone_try() would read; the index members_card_digits holds
 * the same expression. */
int
member_check_card_not_phone(struct md *md, const char *card, int64_t except_id)
{
	char phone[PHONE_MAX];
	struct db_stmt *st;
	int rc;

	if (!phone_try(card, phone))
		return MD_OK;
	if ((rc = db_stmt(md, "SELECT id, card, name FROM members WHERE phone = ?", &st)))
		return rc;
	db_bind_copy(st, 1, phone);
	if (db_row(md, st, &rc) && db_col_int(st, 0) != except_id)
		rc = md_fail(md, MD_ECONFLICT,
			     _("card %s is the phone number of card %s (%s): at the counter it would find the wrong member"),
			     card, db_col_text(st, 1), db_col_text(st, 2));
	db_reset(st);
	return rc;
}

int
member_check_phone_not_card(struct md *md, const char *phone, int64_t except_id,
			    int64_t also_except)
{
	char spell[PHONE_SPELLINGS][PHONE_SPELLING_MAX];
	struct db_stmt *st;
	int i, n, rc;

	n = phone_spellings(phone, spell);
	if (n == 0)
		return MD_OK;
	if ((rc = db_stmt(md, "SELECT id, card, name FROM members"
			  " WHERE replace(card, '-', '') IN (?1, ?2, ?3, ?4)"
			  "   AND id NOT IN (?5, ?6) LIMIT 1", &st)))
		return rc;
	for (i = 0; i < PHONE_SPELLINGS; i++)
		db_bind_copy(st, i + 1, spell[i < n ? i : 0]);
	db_bind_int(st, 5, except_id);
	db_bind_int(st, 6, also_except);
	if (db_row(md, st, &rc))
		rc = md_fail(md, MD_ECONFLICT,
			     _("phone %s is the card number of %s (card %s): at the counter it would find the wrong member"),
			     phone, db_col_text(st, 2), db_col_text(st, 1));
	db_reset(st);
	return rc;
}

const char *
member_gender_key(int gender)
{
	return gender == GENDER_MALE ? "male" : gender == GENDER_FEMALE ? "female" : "";
}

const char *
member_gender_label(int gender)
{
	return gender == GENDER_MALE ? _("male") :
	       gender == GENDER_FEMALE ? _("female") : "";
}

static const struct {
	const char *key, *label;
} statuses[] = {
	[MEMBER_ACTIVE] = { "active", N_("active") },
	[MEMBER_FROZEN] = { "frozen", N_("frozen") },
	[MEMBER_DELETED] = { "deleted", N_("deleted") },
	[MEMBER_MERGED] = { "merged", N_("merged") },
};

const char *
member_status_key(enum member_status s)
{
	return statuses[s].key;
}

const char *
member_status_label(enum member_status s)
{
	return _(statuses[s].label);
}

bool
member_status_parse(const char *key, enum member_status *s)
{
	for (size_t i = 0; i < sizeof statuses / sizeof *statuses; i++) {
		if (key && !strcmp(key, statuses[i].key)) {
			*s = (enum member_status)i;
			return true;
		}
	}
	return false;
}

bool
member_is_current(enum member_status s)
{
	return s == MEMBER_ACTIVE || s == MEMBER_FROZEN;
}
