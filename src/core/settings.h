/* settings.h - owner-editable settings stored in the database */
#ifndef MD_SETTINGS_H
#define MD_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/md.h"

#define SETTING_MAX 256

struct setting_def {
	const char *key;
	const char *def;	/* the value when the owner never set one */
	const char *help;	/* N_(): shown by "settings show" */
	/* Check and normalise IN into OUT (SETTING_MAX); md->err on error. */
	int (*check)(struct md *md, const struct setting_def *def,
		     const char *in, char *out);
	int64_t min, max;	/* for integer settings */
	const char *choices;	/* for choice settings: "a|b|c" */
	bool hidden;		/* the program's own bookkeeping: not shown, not set */
};

/* All settings, in the order "settings show" lists them. */
const struct setting_def *settings_defs(size_t *n);
const struct setting_def *settings_find(const char *key);

/* The current value of KEY (the default when unset) into OUT. */
int settings_get(struct md *md, const char *key, char out[SETTING_MAX]);
int settings_get_int(struct md *md, const char *key, int64_t *v);
int settings_get_bool(struct md *md, const char *key, bool *v);

/* Validate and store; an audit row records old and new.  Setting a key
 * to its default removes the override. */
int settings_set(struct md *md, const char *key, const char *value);

/* Checkers for definitions elsewhere. */
int settings_check_int(struct md *md, const struct setting_def *def,
		       const char *in, char *out);
int settings_check_bool(struct md *md, const struct setting_def *def,
			const char *in, char *out);
int settings_check_choice(struct md *md, const struct setting_def *def,
			  const char *in, char *out);
int settings_check_text(struct md *md, const struct setting_def *def,
			const char *in, char *out);

int settings_check_multiplier(struct md *md, const struct setting_def *def,
			      const char *in, char *out);
int settings_check_expiry(struct md *md, const struct setting_def *def,
			  const char *in, char *out);
int settings_check_wallet_rules(struct md *md, const struct setting_def *def,
				const char *in, char *out);

/* A multiplier setting ("2", "1.5") as a percentage (200, 150). */
int settings_get_percent(struct md *md, const char *key, int64_t *pct);

/* Parse a yes/no answer as settings and imports accept it: yes/no,
 * y/n, true/false, on/off, 1/0, 是/否. */
bool settings_parse_bool(const char *s, bool *v);

/* Store VALUE for KEY without checks or an audit row: bookkeeping that
 * the program itself keeps (the card counter), inside a transaction. */
int settings_put_raw(struct md *md, const char *key, const char *value);

#endif
