/* operator.h - who is at the PC: operators, their roles and PINs
 *
 * A shop without operators works as before: the OS login is the
 * operator and may do everything.  Once it has an owner, every command
 * and every start of the screens says who is there (operator_login),
 * and the core refuses what that role may not do (operator_may), with
 * action.h's table of who may do what.
 */
#ifndef MD_OPERATOR_H
#define MD_OPERATOR_H

#include <stdbool.h>
#include <stdint.h>

#include "core/action.h"
#include "core/md.h"

enum operator_role {
	OPERATOR_NOBODY = 0,		/* no operators: the OS login, allowed all */
	OPERATOR_STAFF,
	OPERATOR_OWNER,
};

#define OPERATOR_NAME_MAX 32	/* display columns */
#define OPERATOR_MAX_FAILURES 5
#define OPERATOR_LOCK_MINUTES 5

struct operator {
	int64_t id;
	char name[64];
	enum operator_role role;
	bool active;
	int64_t failures;
	char locked_until[20];	/* "" when not locked */
	char created_at[20];
};

bool role_parse(const char *s, enum operator_role *r);
const char *role_key(enum operator_role r);	/* "owner" */
const char *role_label(enum operator_role r);	/* for people */

/* A PIN is 4 to 8 ASCII digits; MD_EINVAL says so otherwise. */
int operator_check_pin(struct md *md, const char *pin);

/* How many operators may sign in (active ones). */
int operator_count(struct md *md, int64_t *n);

/* Sign in as NAME with PIN: md->operator_name and md->role are theirs
 * after it.  A wrong PIN counts; the fifth in a row locks the operator
 * for OPERATOR_LOCK_MINUTES (an audit row says so).  MD_EPERM for a
 * wrong name or PIN, a disabled or a locked operator. */
int operator_login(struct md *md, const char *name, const char *pin);

/* MD_OK when the signed-in operator may do A; MD_EPERM saying who may
 * otherwise. */
int operator_may(struct md *md, enum action a);

int operator_add(struct md *md, const char *name, enum operator_role role, const char *pin);
/* Whether the operator may set NAME's PIN: an owner anyone's, anyone
 * their own. */
int operator_may_passwd(struct md *md, const char *name);
/* A new PIN for NAME: an owner's for anyone, or one's own. */
int operator_passwd(struct md *md, const char *name, const char *pin);
/* The same without the old PIN, for the OS account that owns the
 * database file (who can read all of it anyway); audited. */
int operator_recover(struct md *md, const char *name, const char *pin);
/* NAME's role; the signed-in operator's own takes effect at once. */
int operator_set_role(struct md *md, const char *name, enum operator_role role);
int operator_set_active(struct md *md, const char *name, bool active);
int operator_list(struct md *md, int (*cb)(void *arg, const struct operator *o),
		  void *arg);

#endif
