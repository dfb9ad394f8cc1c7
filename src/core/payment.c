/* payment.c - the ways to pay
 *
 * One table: the keys the database and the csv files hold, the words
 * people see, which of them may pay for a top-up, and the names old
 * systems export.  Sales, top-ups, imports, receipts and the screens'
 * choice lists all read it.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/payment.h"
#include "core/text.h"
#include "i18n.h"

static const struct payment methods[] = {
	{ "cash", N_("cash"), true },
	{ "wechat", N_("WeChat Pay"), true },
	{ "alipay", N_("Alipay"), true },
	{ "card", N_("bank card"), true },
	{ "wallet", N_("stored value"), false },
	{ "other", N_("other"), true },
};

#define N_METHODS (sizeof methods / sizeof *methods)

/* What shops and their old systems call each way to pay. */
static const struct {
	const char *word, *key;
} words[] = {
	{ "现金", "cash" }, { "現金", "cash" },
	{ "微信", "wechat" }, { "微信支付", "wechat" },
	{ "支付宝", "alipay" }, { "支付寶", "alipay" },
	{ "银行卡", "card" }, { "銀行卡", "card" }, { "刷卡", "card" },
	{ "信用卡", "card" }, { "银联", "card" }, { "銀聯", "card" },
	{ "储值", "wallet" }, { "儲值", "wallet" }, { "会员卡", "wallet" },
	{ "會員卡", "wallet" }, { "余额", "wallet" }, { "餘額", "wallet" },
	{ "其他", "other" }, { "其它", "other" },
};

const struct payment *
payment_at(size_t i)
{
	return i < N_METHODS ? &methods[i] : NULL;
}

size_t
payment_count(void)
{
	return N_METHODS;
}

static const struct payment *
find(const char *s)
{
	size_t i;

	for (i = 0; i < N_METHODS; i++)
		if (!strcasecmp(s, methods[i].key))
			return &methods[i];
	for (i = 0; i < sizeof words / sizeof *words; i++)
		if (!strcmp(s, words[i].word))
			return find(words[i].key);
	return NULL;
}

const char *
payment_label(const char *key)
{
	const struct payment *p = find(key);

	return _(p ? p->label : "other");
}

int
payment_check(struct md *md, const char *in, bool top_up, char out[PAYMENT_KEY_MAX])
{
	const struct payment *p;
	char buf[64], list[128] = "";
	size_t i;

	text_trim(in ? in : "", buf, sizeof buf);
	p = *buf ? find(buf) : &methods[0];
	if (p && (p->tops_up || !top_up)) {
		strcpy(out, p->key);
		return MD_OK;
	}
	for (i = 0; i < N_METHODS; i++) {
		if (top_up && !methods[i].tops_up)
			continue;
		if (*list)
			strcat(list, ", ");
		strcat(list, methods[i].key);
	}
	return md_fail(md, MD_EINVAL, _("payment \"%s\" is not one of %s"), in, list);
}
