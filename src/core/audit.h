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

/* The same by SQL, an INSERT INTO audit(at, operator, action, member_id,
 * old, new) SELECT ... that makes the JSON itself from ?4, MEMBER_ID,
 * with ?1 the time, ?2 the operator and ?3 the action's key. */
int audit_log_sql(struct md *md, const char *sql, enum action action, int64_t member_id);

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

/* Which rows audit_list walks: every field 0/NULL for all of them. */
struct audit_filter {
	int64_t member_id;	/* one member's */
	const char *by;		/* one operator's */
	const char *action;	/* an action's key ("points.adjust") */
	const char *from, *to;	/* days YYYY-MM-DD, both included */
	int limit;		/* at most this many; 0 all */
};

/* Newest first, as F selects.  CB returning non-zero stops the walk (and
 * is returned).  The owner's: the log names members and what they hold. */
int audit_list(struct md *md, const struct audit_filter *f,
	       int (*cb)(void *arg, const struct audit_row *row), void *arg);

/* The chain of hashes over the audit log (audit.c says how). */
#define AUDIT_HASH_LEN 64
struct audit_chain {
	int64_t last_id;		/* the last row with a hash; 0 when none */
	int64_t rows;			/* audit_verify: the rows it walked */
	char database_id[33];		/* backup_latest_chain: whose log it is */
	char hash[AUDIT_HASH_LEN + 1];	/* its hash; "" when none */
};

/* The last hashed row (rows is left 0). */
int audit_head(struct md *md, struct audit_chain *head);
/* Hash every row after the last hashed one, in the current transaction:
 * after an INSERT INTO audit of many rows at once. */
int audit_seal(struct md *md);
/* The same in a transaction of its own (the rows written before the
 * chain existed, once). */
int audit_seal_all(struct md *md);
/* Walk the whole chain: CB gets each row that breaks it, with an N_()
 * sentence saying how; HEAD gets the last row walked and their number. */
int audit_verify(struct md *md, int (*cb)(void *arg, int64_t id, const char *why),
		 void *arg, struct audit_chain *head);

#endif
