/* wallet_rules.c - the recharge bonus rules as written: 100:20,500:120
 *
 * A leaf: text in, rules out.  The settings check and the wallet both
 * use it; it reads nothing from the database.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "core/text.h"
#include "core/wallet_rules.h"
#include "i18n.h"

static int
cmp_rule(const void *a, const void *b)
{
	const struct wallet_rule *x = a, *y = b;

	return (x->amount > y->amount) - (x->amount < y->amount);
}

int
wallet_rules_parse(struct md *md, const char *s,
		   struct wallet_rule rules[WALLET_RULES_MAX], int *n)
{
	char buf[WALLET_RULES_TEXT], item[WALLET_RULES_TEXT], *p, *next, *colon;
	int i, rc;

	*n = 0;
	if (!text_fold_fullwidth(s, item, sizeof item))	/* ，：-> ,: */
		return md_fail(md, MD_EINVAL,
			       _("the bonus rules take more than %d characters"),
			       WALLET_RULES_TEXT - 1);
	text_trim(item, buf, sizeof buf);
	if (!*buf || !strcmp(buf, "none"))
		return MD_OK;
	for (p = buf; p; p = next) {
		next = strchr(p, ',');
		if (next)
			*next++ = '\0';
		text_trim(p, item, sizeof item);
		colon = strchr(item, ':');
		if (!colon)
			return md_fail(md, MD_EINVAL,
				       _("rule \"%s\" is not AMOUNT:BONUS (such as 100:20)"),
				       item);
		*colon = '\0';
		if (*n == WALLET_RULES_MAX)
			return md_fail(md, MD_EINVAL, _("at most %d bonus rules"),
				       WALLET_RULES_MAX);
		if ((rc = money_parse(md, _("recharge amount"), item,
				      &rules[*n].amount, 0)) ||
		    (rc = money_parse(md, _("bonus"), colon + 1, &rules[*n].bonus, 0)))
			return rc;
		/* 充100送20 is a bonus; 充0.01送20 or 充100送200000 is a typo
		 * that gives the shop's money away (a recharge of 0 is refused
		 * as an amount). */
		if (rules[*n].bonus > rules[*n].amount)
			return md_fail(md, MD_EINVAL,
				       _("rule \"%s:%s\": the bonus is more than the recharge itself; at most 100%% (充100送100)"),
				       item, colon + 1);
		for (i = 0; i < *n; i++)
			if (rules[i].amount == rules[*n].amount)
				return md_fail(md, MD_EINVAL,
					       _("two rules for the same amount %s"), item);
		(*n)++;
	}
	qsort(rules, *n, sizeof *rules, cmp_rule);
	return MD_OK;
}

bool
wallet_rules_format(const struct wallet_rule *rules, int n, char *out,
		    size_t size)
{
	char a[32], b[32];
	size_t o = 0;
	int i, k;

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		money_format_short(rules[i].amount, a);
		money_format_short(rules[i].bonus, b);
		k = snprintf(out + o, size - o, "%s%s:%s", i ? "," : "", a, b);
		if (k < 0 || (size_t)k >= size - o)
			return false;
		o += (size_t)k;
	}
	return true;
}
