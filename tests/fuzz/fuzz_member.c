/* fuzz_member.c - the member field checks and the other short fields
 * staff type: member_check_*, member_split_tags, points changes and
 * reasons, payments (payment_check), sale labels.
 *
 * What must hold of each accepted value: its normal form fits its
 * buffer, is valid UTF-8 within the field's rules, and is accepted as
 * itself (checking twice changes nothing).
 */
#include <config.h>

#include "core/member.h"
#include "core/payment.h"
#include "core/points.h"
#include "core/sale.h"
#include "core/text.h"
#include "fuzz.h"

#define OUT_MAX 4096

static bool
blank_edges(const char *s)
{
	size_t n = strlen(s);

	if (n == 0)
		return false;
	return strchr(" \t\n\r\v\f", s[0]) || strchr(" \t\n\r\v\f", s[n - 1]) ||
	       !strncmp(s, "\xE3\x80\x80", 3) ||
	       (n >= 3 && !strcmp(s + n - 3, "\xE3\x80\x80"));
}

static void
name_ok(const char *v)
{
	FUZZ_ASSERT_S(*v && !blank_edges(v) && !text_has_control(v, false), v);
	FUZZ_ASSERT_S(text_width(v) <= MEMBER_NAME_COLS, v);
	FUZZ_ASSERT_S(text_count_chars(v) <= MEMBER_NAME_CHARS, v);
}

static void
note_ok(const char *v)
{
	FUZZ_ASSERT_S(!blank_edges(v) && !text_has_control(v, true), v);
	FUZZ_ASSERT_S(!strstr(v, "\r\n"), v);
	FUZZ_ASSERT_S(text_count_chars(v) <= MEMBER_NOTE_CHARS, v);
}

static void
tag_ok(const char *v)
{
	static const char *const seps[] = {
		",", ";", "|", "\xEF\xBC\x8C", "\xEF\xBC\x9B", "\xE3\x80\x81",
	};

	FUZZ_ASSERT_S(*v && !blank_edges(v) && !text_has_control(v, false), v);
	FUZZ_ASSERT_S(text_width(v) <= MEMBER_TAG_COLS, v);
	for (size_t i = 0; i < sizeof seps / sizeof *seps; i++)
		FUZZ_ASSERT_S(!strstr(v, seps[i]), v);
}

static void
birthday_ok(const char *v)
{
	size_t n = strlen(v);

	FUZZ_ASSERT_S(n == 5 || (n == 10 && strcmp(v, "1900") >= 0 &&
				 strcmp(v, "2026-03-15") <= 0), v);
}

static void
reason_ok(const char *v)
{
	FUZZ_ASSERT_S(*v, v);
	note_ok(v);
}

static int
check_reason(struct md *md, const char *in, char *out)
{
	return points_check_reason(md, in, out);
}

static int
check_category(struct md *md, const char *in, char *out)
{
	return sale_check_label(md, "category", in, 16, out, 68);
}

/* A check that normalises text into a buffer of SIZE bytes. */
static const struct field {
	const char *what;
	int (*check)(struct md *md, const char *in, char *out);
	size_t size;
	void (*holds)(const char *v);
} fields[] = {
	{ "name", member_check_name, MEMBER_NAME_MAX, name_ok },
	{ "note", member_check_note, MEMBER_NOTE_MAX, note_ok },
	{ "tag", member_check_tag, MEMBER_TAG_MAX, tag_ok },
	{ "birthday", member_check_birthday, 11, birthday_ok },
	{ "reason", check_reason, MEMBER_NOTE_MAX, reason_ok },
	{ "category", check_category, 68, NULL },
};

static void
field(struct md *md, const struct field *f, const char *s)
{
	char out[OUT_MAX], again[OUT_MAX];
	int rc;

	md->err[0] = '\0';
	memset(out, 0, sizeof out);
	if ((rc = f->check(md, s, out))) {
		fuzz_rejected(md, rc);
		return;
	}
	FUZZ_ASSERT_S(strlen(out) < f->size, f->what);
	FUZZ_ASSERT_S(text_valid_utf8(out, strlen(out)), f->what);
	if (f->holds)
		f->holds(out);
	FUZZ_ASSERT_S(f->check(md, out, again) == MD_OK, out);
	FUZZ_ASSERT_S(strcmp(out, again) == 0, out);
}

static void
tags(struct md *md, const char *s)
{
	char got[MEMBER_TAGS_MAX][MEMBER_TAG_MAX], back[MEMBER_TAGS_MAX][MEMBER_TAG_MAX];
	char joined[MEMBER_TAGLIST_MAX + MEMBER_TAGS_MAX];
	size_t n, m, len = 0;

	md->err[0] = '\0';
	if (member_split_tags(md, s, got, &n) != MD_OK) {
		fuzz_rejected(md, MD_EINVAL);
		return;
	}
	FUZZ_ASSERT(n <= MEMBER_TAGS_MAX);
	joined[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		tag_ok(got[i]);
		len += (size_t)snprintf(joined + len, sizeof joined - len, "%s%s",
					i ? ";" : "", got[i]);
	}
	FUZZ_ASSERT(member_split_tags(md, joined, back, &m) == MD_OK && m == n);
	for (size_t i = 0; i < n; i++)
		FUZZ_ASSERT_S(strcmp(got[i], back[i]) == 0, got[i]);
}

static void
gender(struct md *md, const char *s)
{
	int g, again;

	md->err[0] = '\0';
	if (member_check_gender(md, s, &g) != MD_OK) {
		fuzz_rejected(md, MD_EINVAL);
		return;
	}
	FUZZ_ASSERT(g == GENDER_UNKNOWN || g == GENDER_MALE || g == GENDER_FEMALE);
	FUZZ_ASSERT(member_check_gender(md, member_gender_key(g), &again) == MD_OK);
	FUZZ_ASSERT(again == g);
}

static void
delta(struct md *md, const char *s)
{
	char back[32], *junk;
	int64_t v, again;
	size_t n = strlen(s);

	md->err[0] = '\0';
	if (points_check_delta(md, s, &v) != MD_OK) {
		fuzz_rejected(md, MD_EINVAL);
		return;
	}
	FUZZ_ASSERT(v != 0 && v <= POINTS_MAX && v >= -POINTS_MAX);
	snprintf(back, sizeof back, "%+lld", (long long)v);
	FUZZ_ASSERT_S(points_check_delta(md, back, &again) == MD_OK && again == v, back);
	if (!(junk = malloc(n + 2)))
		abort();
	snprintf(junk, n + 2, "%sx", s);
	FUZZ_ASSERT_S(points_check_delta(md, junk, &again) != MD_OK, s);
	free(junk);
}

/* A method payment.h defines (one that tops up, for a top-up), and its
 * key is accepted as itself. */
static void
payment(struct md *md, const char *s, bool top_up)
{
	char out[PAYMENT_KEY_MAX], again[PAYMENT_KEY_MAX];
	bool known = false;
	int rc;

	md->err[0] = '\0';
	if ((rc = payment_check(md, s, top_up, out))) {
		fuzz_rejected(md, rc);
		return;
	}
	for (size_t i = 0; i < payment_count(); i++)
		known |= !strcmp(out, payment_at(i)->key) &&
			 (!top_up || payment_at(i)->tops_up);
	FUZZ_ASSERT_S(known, out);
	FUZZ_ASSERT(payment_check(md, out, top_up, again) == MD_OK && !strcmp(out, again));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct md md;
	char *s = fuzz_string(data, size);

	fuzz_md(&md);
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		field(&md, &fields[i], s);
	tags(&md, s);
	gender(&md, s);
	delta(&md, s);
	payment(&md, s, false);
	payment(&md, s, true);
	free(s);
	return 0;
}
