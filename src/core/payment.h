/* payment.h - the ways to pay, defined once for every face */
#ifndef MD_PAYMENT_H
#define MD_PAYMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/md.h"

#define PAYMENT_KEY_MAX 8

struct payment {
	const char *key;	/* stored and in csv: cash, wechat, ... */
	const char *label;	/* N_(): what people call it */
	bool tops_up;		/* may pay for a top-up (stored value may not) */
};

/* The methods, in the order messages list them; N of them. */
const struct payment *payment_at(size_t i);
size_t payment_count(void);

/* For people: KEY's label, translated ("other"'s for an unknown key). */
const char *payment_label(const char *key);

/* What a face or an import hands in: a key (any case) or what shops and
 * their old systems call it (现金, 微信, 支付宝, 刷卡, 储值, ...); empty
 * is cash.  TOP_UP: for a top-up, where stored value cannot pay.  The
 * key into OUT. */
int payment_check(struct md *md, const char *in, bool top_up,
		  char out[PAYMENT_KEY_MAX]);

#endif
