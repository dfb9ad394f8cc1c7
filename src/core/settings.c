/* settings.c - the settings table and the definitions of every key
 *
 * Only overrides are stored: a key the owner never set reads its default
 * from the table below, so a new release can improve a default for
 * everyone who did not choose otherwise.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/audit.h"
#include "core/db_sql.h"
#include "core/money.h"
#include "core/operator.h"
#include "core/settings.h"
#include "core/text.h"
#include "core/wallet_rules.h"
#include "i18n.h"

#define MAX_POINTS INT64_C(1000000000)

/* In any case; kept as the code: "twd" is TWD. */
static int
settings_check_currency(struct md *md, const struct setting_def *def,
			const char *in, char *out)
{
	(void)def;
	return money_check_currency(md, in, out);
}

static const struct setting_def defs[] = {
	{"shop_name", "", N_("shop name, shown in the title bar and on receipts and reports"),
	 settings_check_text, 0, 40, NULL, false},
	{"currency", "CNY", N_("the shop's currency: CNY (\xC2\xA5), TWD (NT$), HKD (HK$) or MOP (MOP$); amounts are shown with its sign and may be typed with it (a new shop under a zh_TW, zh_HK or zh_MO locale starts with that place's)"),
	 settings_check_currency, 0, 0, NULL, false},
	{"money_decimals", "2", N_("decimals of the shop's money: 2 (cents), or 0 (whole units, as NT$ usually is: an amount typed with cents is refused, and discounts are rounded to whole units)"),
	 settings_check_choice, 0, 0, "2|0", false},
	{"phone_required", "yes", N_("whether staff must enter a phone number to register a member (yes/no)"),
	 settings_check_bool, 0, 0, NULL, false},
	{"card_next", "10000", N_("number the next generated card starts from (a check digit is appended)"),
	 settings_check_int, 1, INT64_C(999999999999), NULL, false},
	{"points_per_yuan", "1", N_("points earned per yuan paid, before multipliers (rounded down per sale)"),
	 settings_check_int, 0, 100, NULL, false},
	{"points_value", "100", N_("points that are worth 1 yuan when redeemed"),
	 settings_check_int, 1, 100000, NULL, false},
	{"points_cap", "50", N_("at most this percentage of a bill can be paid with points"),
	 settings_check_int, 0, 100, NULL, false},
	{"coupons_per_sale", "1", N_("how many coupons one sale may use"),
	 settings_check_int, 1, 5, NULL, false},
	{"points_on_wallet", "no", N_("whether amounts paid from stored value earn points (yes/no)"),
	 settings_check_bool, 0, 0, NULL, false},
	{"points_expiry", "none", N_("when earned points expire: none, months:N (N months after they were earned) or year-end:N (at the end of the year N years after)"),
	 settings_check_expiry, 0, 0, NULL, false},
	{"member_day", "0", N_("day of the month that is member day, when points are multiplied (0: none)"),
	 settings_check_int, 0, 31, NULL, false},
	{"member_day_multiplier", "2", N_("points multiplier on member day"),
	 settings_check_multiplier, 100, 1000, NULL, false},
	{"birthday_multiplier", "1", N_("points multiplier in a member's birthday period"),
	 settings_check_multiplier, 100, 1000, NULL, false},
	{"birthday_period", "month", N_("the birthday period: month (the birthday's month) or week (3 days either side)"),
	 settings_check_choice, 0, 0, "month|week", false},
	{"birthday_points", "0", N_("points given once a year when a member's birthday period begins (0: none)"),
	 settings_check_int, 0, MAX_POINTS, NULL, false},
	{"referral_points", "0", N_("points the referrer gets when a referred member makes a first purchase (0: none)"),
	 settings_check_int, 0, MAX_POINTS, NULL, false},
	{"tier_window_months", "12", N_("months of spending and visits that tiers are judged on"),
	 settings_check_int, 1, 60, NULL, false},
	{"promo_tier_discount", "no", N_("whether the tier discount also applies to promotion sales (yes/no)"),
	 settings_check_bool, 0, 0, NULL, false},
	{"wallet_rules", "", N_("stored-value bonus rules: AMOUNT:BONUS,... in yuan, e.g. 100:20,500:120; the largest amount reached applies"),
	 settings_check_wallet_rules, 0, 0, NULL, false},
	{"sleeping_days", "365", N_("value types: a member who has bought before but not in this many days is sleeping"),
	 settings_check_int, 30, 3650, NULL, false},
	{"churn_days", "182", N_("value types: a member who bought less than half as often in the last this many days as in as many days before is churning"),
	 settings_check_int, 7, 182, NULL, false},
	{"high_total_share", "20", N_("value types: the top this many percent of members by spend over the last 365 days are high total"),
	 settings_check_int, 1, 100, NULL, false},
	{"high_ticket_factor", "2", N_("value types: a member whose average ticket is at least this many times the shop's average is high ticket"),
	 settings_check_multiplier, 100, 1000, NULL, false},
	{"loyal_gap_days", "60", N_("value types: the longest average gap between purchase days, and the longest time since the last one, of a loyal member"),
	 settings_check_int, 1, 365, NULL, false},
	{"bargain_share", "20", N_("value types: the top and the bottom this many percent of members by promotion spend are bargain frequent and bargain rare"),
	 settings_check_int, 1, 50, NULL, false},
	{"backup_keep", "14", N_("automatic daily backups: how many dated backups the backups folder beside the database keeps, removing older ones (0: no automatic backup, and none removed)"),
	 settings_check_int, 0, 1000, NULL, false},
	{"report_printer", "", N_("the printer (CUPS queue) that report --print sends to (empty: the default printer)"),
	 settings_check_text, 0, 127, NULL, false},
	{"receipt_printer", "", N_("the printer (CUPS queue) for receipts (empty: the default printer)"),
	 settings_check_text, 0, 127, NULL, false},
	{"receipt_mode", "pdf", N_("what a receipt is printed as: pdf (for a queue with a driver) or escpos (raw bytes for a raw queue)"),
	 settings_check_choice, 0, 0, "pdf|escpos", false},
	{"receipt_encoding", "gb18030", N_("the code page of an escpos receipt printer: gb18030 or big5"),
	 settings_check_choice, 0, 0, "gb18030|big5", false},
	{"cash_drawer", "no", N_("whether an escpos receipt of a cash sale opens the cash drawer (yes/no)"),
	 settings_check_bool, 0, 0, NULL, false},
	{"receipt_autoprint", "no", N_("whether sale add prints the receipt on the receipt printer (yes/no)"),
	 settings_check_bool, 0, 0, NULL, false},
	{"tui_lock_minutes", "10", N_("in a shop with operators, the full-screen interface locks after this many minutes without a key, until an operator signs in again (0: never)"),
	 settings_check_int, 0, 1440, NULL, false},
	{"maintained_through", "", "", settings_check_text, 0, 10, NULL, true},
	/* The week whose RFM snapshot the daily rules found missing, until
	 * it is stored (rfm_week.c); "" when none is due. */
	{"rfm_week_due", "", "", settings_check_text, 0, 10, NULL, true},
	/* Which database this is (migration 7): a backup of another one,
	 * left in the same folder, is not held against its audit log. */
	{"database_id", "", "", settings_check_text, 0, 32, NULL, true},
};

#define N_DEFS (sizeof defs / sizeof *defs)

const struct setting_def *
settings_defs(size_t *n)
{
	*n = N_DEFS;
	return defs;
}

const struct setting_def *
settings_find(const char *key)
{
	size_t i;

	for (i = 0; i < N_DEFS; i++)
		if (!strcmp(defs[i].key, key))
			return &defs[i];
	return NULL;
}

bool
settings_parse_bool(const char *s, bool *v)
{
	static const char *const yes[] = {"yes", "y", "true", "on", "1", "\xE6\x98\xAF"};
	static const char *const no[] = {"no", "n", "false", "off", "0", "\xE5\x90\xA6"};
	size_t i;

	for (i = 0; i < sizeof yes / sizeof *yes; i++) {
		if (!strcasecmp(s, yes[i]))
			return *v = true, true;
		if (!strcasecmp(s, no[i]))
			return *v = false, true;
	}
	return false;
}

int
settings_check_bool(struct md *md, const struct setting_def *def,
		    const char *in, char *out)
{
	bool v;

	if (!settings_parse_bool(in, &v))
		return md_fail(md, MD_EINVAL, _("%s must be yes or no, not \"%s\""),
			       def->key, in);
	strcpy(out, v ? "yes" : "no");
	return MD_OK;
}

int
settings_check_int(struct md *md, const struct setting_def *def,
		   const char *in, char *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(in, &end, 10);
	/* strtoll skips leading blanks of any kind: a tab is as wrong as a space. */
	if (!*in || *end || errno || isspace((unsigned char)*in))
		return md_fail(md, MD_EINVAL, _("%s must be a whole number, not \"%s\""),
			       def->key, in);
	if (v < def->min || v > def->max)
		return md_fail(md, MD_EINVAL, _("%s must be between %lld and %lld"),
			       def->key, (long long)def->min, (long long)def->max);
	snprintf(out, SETTING_MAX, "%lld", v);
	return MD_OK;
}

int
settings_check_choice(struct md *md, const struct setting_def *def,
		      const char *in, char *out)
{
	const char *p = def->choices;
	size_t n = strlen(in);

	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);

		if (len == n && !strncmp(p, in, n)) {
			strcpy(out, in);
			return MD_OK;
		}
		p = bar ? bar + 1 : NULL;
	}
	return md_fail(md, MD_EINVAL, _("%s must be one of %s, not \"%s\""),
		       def->key, def->choices, in);
}

/* "2", "1.5", "1.25": a multiplier with up to two decimals, kept as
 * text; MIN and MAX bound it in percent. */
int
settings_check_multiplier(struct md *md, const struct setting_def *def,
			  const char *in, char *out)
{
	int64_t pct;
	char buf[32];

	if (money_parse_number(md, def->key, in, &pct, 0) != MD_OK ||
	    pct < def->min || pct > def->max)
		return md_fail(md, MD_EINVAL,
			       _("%s must be a multiplier from %lld to %lld, such as 1.5, not \"%s\""),
			       def->key, (long long)def->min / 100,
			       (long long)def->max / 100, in);
	money_format_decimal(pct, buf);
	strcpy(out, buf);
	return MD_OK;
}

int
settings_get_percent(struct md *md, const char *key, int64_t *pct)
{
	char buf[SETTING_MAX];
	int rc = settings_get(md, key, buf);

	if (rc)
		return rc;
	return money_parse_number(md, key, buf, pct, MONEY_ALLOW_ZERO);
}

int
settings_check_expiry(struct md *md, const struct setting_def *def,
		      const char *in, char *out)
{
	char *end;
	long n;

	if (!strcmp(in, "none")) {
		strcpy(out, in);
		return MD_OK;
	}
	if (!strncmp(in, "months:", 7)) {
		n = strtol(in + 7, &end, 10);
		if (in[7] && !*end && n >= 1 && n <= 120) {
			snprintf(out, SETTING_MAX, "months:%ld", n);
			return MD_OK;
		}
	} else if (!strncmp(in, "year-end:", 9)) {
		n = strtol(in + 9, &end, 10);
		if (in[9] && !*end && n >= 0 && n <= 10) {
			snprintf(out, SETTING_MAX, "year-end:%ld", n);
			return MD_OK;
		}
	}
	return md_fail(md, MD_EINVAL,
		       _("%s must be none, months:N (1 to 120) or year-end:N (0 to 10), not \"%s\""),
		       def->key, in);
}

int
settings_check_wallet_rules(struct md *md, const struct setting_def *def,
			    const char *in, char *out)
{
	struct wallet_rule rules[WALLET_RULES_MAX];
	char why[sizeof md->err];
	int n, rc;

	/* "0.1:0.1" is written "0.10:0.10": what fits as typed may not
	 * fit as stored. */
	if ((rc = wallet_rules_parse(md, in, rules, &n)) == MD_OK &&
	    !wallet_rules_format(rules, n, out, SETTING_MAX))
		rc = md_fail(md, MD_EINVAL,
			     _("written out, the bonus rules take more than %d characters"),
			     SETTING_MAX - 1);
	if (rc) {
		snprintf(why, sizeof why, "%s", md->err);
		return md_fail(md, rc, "%s: %s", def->key, why);
	}
	return MD_OK;
}

int
settings_check_text(struct md *md, const struct setting_def *def,
		    const char *in, char *out)
{
	char buf[SETTING_MAX];

	if (!text_valid_utf8(in, strlen(in)) || text_has_control(in, false))
		return md_fail(md, MD_EINVAL,
			       _("%s must be plain text (valid UTF-8, no control characters)"),
			       def->key);
	if (strlen(in) >= sizeof buf)	/* it would be cut, maybe inside a character */
		return md_fail(md, MD_EINVAL, _("%s is too long: at most %d bytes"),
			       def->key, SETTING_MAX - 1);
	text_trim(in, buf, sizeof buf);
	if (text_width(buf) > def->max)
		return md_fail(md, MD_EINVAL, _("%s must be at most %lld columns wide"),
			       def->key, (long long)def->max);
	strcpy(out, buf);
	return MD_OK;
}

int
settings_get(struct md *md, const char *key, char out[SETTING_MAX])
{
	const struct setting_def *def = settings_find(key);
	struct db_stmt *st;
	int rc;

	if (!def)
		return md_fail(md, MD_EINVAL, _("unknown setting \"%s\""), key);
	if ((rc = db_stmt(md, "SELECT value FROM settings WHERE key = ?", &st)))
		return rc;
	db_bind_text(st, 1, key);
	if (db_row(md, st, &rc))
		text_copy(out, SETTING_MAX, db_col_text(st, 0));
	else if (!rc)
		text_copy(out, SETTING_MAX, def->def);
	db_reset(st);
	return rc;
}

int
settings_get_int(struct md *md, const char *key, int64_t *v)
{
	char buf[SETTING_MAX];
	int rc = settings_get(md, key, buf);

	if (rc)
		return rc;
	*v = strtoll(buf, NULL, 10);
	return MD_OK;
}

int
settings_get_bool(struct md *md, const char *key, bool *v)
{
	char buf[SETTING_MAX];
	int rc = settings_get(md, key, buf);

	if (rc)
		return rc;
	*v = !strcmp(buf, "yes");
	return MD_OK;
}

static int
set_locked(struct md *md, const struct setting_def *def, const char *value)
{
	char norm[SETTING_MAX], old[SETTING_MAX];
	struct db_stmt *st;
	int rc;

	if ((rc = def->check(md, def, value, norm)))
		return rc;
	if ((rc = settings_get(md, def->key, old)))
		return rc;
	if (!strcmp(old, norm))
		return MD_OK;
	if (!strcmp(norm, def->def)) {
		rc = db_stmt(md, "DELETE FROM settings WHERE key = ?", &st);
		if (rc)
			return rc;
		db_bind_text(st, 1, def->key);
	} else {
		rc = db_stmt(md, "INSERT INTO settings(key, value) VALUES (?, ?)"
			     " ON CONFLICT(key) DO UPDATE SET value = excluded.value", &st);
		if (rc)
			return rc;
		db_bind_text(st, 1, def->key);
		db_bind_text(st, 2, norm);
	}
	if ((rc = db_run(md, st)))
		return rc;
	money_forget(md);
	return audit_log_value(md, ACTION_SETTINGS_SET, 0, def->key, old, norm);
}

int
settings_set(struct md *md, const char *key, const char *value)
{
	const struct setting_def *def = settings_find(key);
	int rc;

	if ((rc = operator_may(md, ACTION_SETTINGS_SET)))
		return rc;
	if (!def || def->hidden)
		return md_fail(md, MD_EINVAL,
			       _("unknown setting \"%s\" (\"memberdesk settings show\" lists them)"),
			       key);
	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, set_locked(md, def, value));
}

int
settings_put_raw(struct md *md, const char *key, const char *value)
{
	struct db_stmt *st;
	int rc;

	rc = db_stmt(md, "INSERT INTO settings(key, value) VALUES (?, ?)"
		     " ON CONFLICT(key) DO UPDATE SET value = excluded.value", &st);
	if (rc)
		return rc;
	db_bind_text(st, 1, key);
	db_bind_copy(st, 2, value);
	return db_run(md, st);
}
