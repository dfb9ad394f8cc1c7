/* tier_level.c - a level as another system names it, matched to a tier
 *
 * Old systems name their levels after their own fashion: 金卡会员 for our
 * 金卡, 銀卡 in a Taiwan shop's file, 无 (CRMEB) for "no level".  A name
 * is matched exactly first; then both sides are folded (Traditional
 * characters that tier names use to Simplified, a trailing 会员/會員/等级
 * or the word "member" dropped) and compared again.  "No level" is the
 * base tier.  Nothing is guessed beyond that: a level that still matches
 * no tier is an error naming the tiers there are (or, on the import's
 * --create-tiers, a new tier: tier_import).
 *
 * The same table names a new shop's tiers in Traditional characters
 * when it is opened in Taiwan, Hong Kong or Macau (lang.h).
 */
#include <config.h>

#include <string.h>
#include <strings.h>

#include "core/db_sql.h"
#include "core/lang.h"
#include "core/text.h"
#include "core/tier.h"
#include "i18n.h"

/* Traditional -> Simplified, for the characters tier names are made of. */
static const char *const trad[][2] = {
	{ "銀", "银" }, { "鑽", "钻" }, { "級", "级" }, { "會", "会" },
	{ "員", "员" }, { "貴", "贵" }, { "賓", "宾" }, { "黃", "黄" },
	{ "鉑", "铂" }, { "終", "终" }, { "專", "专" }, { "寶", "宝" },
	{ "鐵", "铁" },
	{ "銅", "铜" }, { "藍", "蓝" }, { "綠", "绿" }, { "紅", "红" },
	{ "無", "无" }, { "頂", "顶" }, { "經", "经" }, { "驗", "验" },
};

/* What a level's name may end with that says nothing. */
static const char *const suffixes[] = {
	"会员卡", "会员", "等级", "级别", "member",
};

/* The words for "no level". */
static const char *const none[] = { "无", "none", "-", "—" };

/* IN with the characters of the table's column FROM written as in
 * column TO, into OUT (N bytes). */
static void
convert(const char *in, int from, int to, char *out, size_t n)
{
	size_t o = 0, i;
	const char *p = in;

	while (*p && o + 8 < n) {
		for (i = 0; i < sizeof trad / sizeof *trad; i++)
			if (strncmp(p, trad[i][from], strlen(trad[i][from])) == 0)
				break;
		if (i < sizeof trad / sizeof *trad) {
			memcpy(out + o, trad[i][to], strlen(trad[i][to]));
			o += strlen(trad[i][to]);
			p += strlen(trad[i][from]);
		} else {
			out[o++] = *p++;
		}
	}
	out[o] = '\0';
}

static void
fold(const char *in, char *out, size_t n)
{
	char buf[TIER_NAME_MAX * 2];
	size_t len, s;

	text_trim(in, buf, sizeof buf);
	convert(buf, 0, 1, out, n);
	for (s = 0; s < sizeof suffixes / sizeof *suffixes; s++) {
		size_t k = strlen(suffixes[s]);

		len = strlen(out);
		if (len > k && strcasecmp(out + len - k, suffixes[s]) == 0) {
			out[len - k] = '\0';
			break;
		}
	}
}

static bool
is_none(const char *folded)
{
	for (size_t i = 0; i < sizeof none / sizeof *none; i++)
		if (strcasecmp(folded, none[i]) == 0)
			return true;
	return false;
}

int
tier_match(struct md *md, const char *level, struct tier *t)
{
	struct tier all[TIERS_MAX];
	char want[TIER_NAME_MAX * 2], have[TIER_NAME_MAX * 2], names[400];
	size_t len = 0;
	int n, rc;

	rc = tier_get(md, level, t);
	if (rc != MD_ENOTFOUND)
		return rc;
	if ((rc = tier_load(md, all, &n)))
		return rc;
	fold(level, want, sizeof want);
	names[0] = '\0';
	for (int i = 0; i < n; i++) {
		fold(all[i].name, have, sizeof have);
		if ((is_none(want) && all[i].rank == 0) || strcasecmp(have, want) == 0) {
			*t = all[i];
			return MD_OK;
		}
		if (len + strlen(all[i].name) + 3 < sizeof names)
			len += (size_t)snprintf(names + len, sizeof names - len, "%s%s",
						len ? ", " : "", all[i].name);
	}
	return md_fail(md, MD_ENOTFOUND,
		       _("level \"%s\" matches no tier (the tiers: %s); %s adds it above them"),
		       level, names, md_input(md, "--create-tiers"));
}

/* Migration 2 names the tiers in Simplified characters (普通/银卡/金卡/
 * 钻石).  Renaming to the same name is no change, so two processes
 * creating the shop at once (on a file system without hard links,
 * db.c) may both do it. */
int
tier_name_new_shop(struct md *md)
{
	struct tier all[TIERS_MAX];
	char name[TIER_NAME_MAX * 2];
	struct db_stmt *st;
	int n, rc;

	if (!lang_traditional())
		return MD_OK;
	if ((rc = db_begin(md)))
		return rc;
	if ((rc = tier_load(md, all, &n)))
		goto out;
	for (int i = 0; i < n && !rc; i++) {
		convert(all[i].name, 1, 0, name, sizeof name);
		if (strcmp(name, all[i].name) == 0)
			continue;
		if ((rc = db_stmt(md, "UPDATE tiers SET name = ? WHERE id = ?", &st)))
			break;
		db_bind_text(st, 1, name);
		db_bind_int(st, 2, all[i].id);
		rc = db_run(md, st);
	}
out:
	return db_end(md, rc);
}
