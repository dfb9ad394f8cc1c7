/* audit.h - who changed what, when */
#ifndef MD_AUDIT_H
#define MD_AUDIT_H

#include <stdint.h>

#include "core/action.h"
#include "core/md.h"

/* Append an audit row in the current transaction.  ACTION is stored by
 * its key ("member.add"); OLD_JSON/NEW_JSON are JSON objects or NULL;
 * MEMBER_ID is 0 when the change concerns no member. */
int audit_log(struct md *md, enum action action, int64_t member_id,
	      const char *old_json, const char *new_json);

/* The same for one named value: {"KEY": OLD} -> {"KEY": NEW}. */
int audit_log_value(struct md *md, enum action action, int64_t member_id,
		    const char *key, const char *old, const char *new_value);

/* An audit row whose NEW is a JSON object of string pairs KEY, VALUE, ...
 * ending with NULL: audit_log_pairs(md, ACTION_SALE_VOID, id, "sale", "42",
 * "reason", "returned", NULL). */
int audit_log_pairs(struct md *md, enum action action, int64_t member_id, ...)
	__attribute__((sentinel));

struct audit_row {
	int64_t id;
	const char *at, *operator_name, *action, *card, *old_json, *new_json;
};

/* Newest first; MEMBER_ID 0 for every row.  CB returning non-zero stops
 * the walk (and is returned). */
int audit_list(struct md *md, int64_t member_id, int limit,
	       int (*cb)(void *arg, const struct audit_row *row), void *arg);

#endif
