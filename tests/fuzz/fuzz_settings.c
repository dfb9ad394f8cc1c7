/* fuzz_settings.c - the values an owner gives settings, and the
 * stored-value bonus rules (wallet_rules_parse)
 *
 * Every setting's own check sees the input.  What must hold of an
 * accepted value: its normal form fits SETTING_MAX, is valid UTF-8,
 * keeps to the setting's bounds, and is accepted as itself.  Bonus
 * rules come out sorted, positive and distinct, and their written form
 * reads back as the same rules.
 */
#include <config.h>

#include <stdlib.h>

#include "core/settings.h"
#include "core/text.h"
#include "core/wallet.h"
#include "fuzz.h"

static void
bounds(const struct setting_def *def, const char *v)
{
	if (def->check == settings_check_int) {
		long long n = strtoll(v, NULL, 10);

		FUZZ_ASSERT_S(n >= def->min && n <= def->max, v);
	} else if (def->check == settings_check_bool) {
		FUZZ_ASSERT_S(!strcmp(v, "yes") || !strcmp(v, "no"), v);
	} else if (def->check == settings_check_text) {
		FUZZ_ASSERT_S(!text_has_control(v, false), v);
		FUZZ_ASSERT_S(text_width(v) <= def->max, v);
	}
}

static void
setting(struct md *md, const struct setting_def *def, const char *s)
{
	char out[SETTING_MAX + 64], again[SETTING_MAX + 64];
	int rc;

	md->err[0] = '\0';
	memset(out, 0, sizeof out);
	if ((rc = def->check(md, def, s, out))) {
		fuzz_rejected(md, rc);
		return;
	}
	FUZZ_ASSERT_S(strlen(out) < SETTING_MAX, def->key);
	FUZZ_ASSERT_S(text_valid_utf8(out, strlen(out)), def->key);
	bounds(def, out);
	FUZZ_ASSERT_S(def->check(md, def, out, again) == MD_OK, out);
	FUZZ_ASSERT_S(strcmp(out, again) == 0, out);
}

static void
rules(struct md *md, const char *s)
{
	struct wallet_rule r[WALLET_RULES_MAX], back[WALLET_RULES_MAX];
	char text[SETTING_MAX];
	int n, m;

	md->err[0] = '\0';
	if (wallet_rules_parse(md, s, r, &n) != MD_OK) {
		fuzz_rejected(md, MD_EINVAL);
		return;
	}
	FUZZ_ASSERT(n >= 0 && n <= WALLET_RULES_MAX);
	for (int i = 0; i < n; i++) {
		FUZZ_ASSERT(r[i].amount > 0 && r[i].bonus > 0);
		FUZZ_ASSERT(i == 0 || r[i - 1].amount < r[i].amount);
	}
	if (!wallet_rules_format(r, n, text, sizeof text))
		return;		/* the setting refuses them (setting() checks) */
	FUZZ_ASSERT_S(wallet_rules_parse(md, text, back, &m) == MD_OK, text);
	FUZZ_ASSERT_S(m == n, text);
	for (int i = 0; i < n; i++)
		FUZZ_ASSERT_S(back[i].amount == r[i].amount &&
			      back[i].bonus == r[i].bonus, text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct md md;
	char *s = fuzz_string(data, size);
	const struct setting_def *defs;
	size_t n;
	bool v;

	fuzz_md(&md);
	defs = settings_defs(&n);
	for (size_t i = 0; i < n; i++)
		setting(&md, &defs[i], s);
	if (settings_parse_bool(s, &v))
		FUZZ_ASSERT(settings_parse_bool(v ? "yes" : "no", &v));
	rules(&md, s);
	free(s);
	return 0;
}
