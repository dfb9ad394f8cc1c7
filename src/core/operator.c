/* operator.c - operators, their PINs, signing in, and who may do what
 *
 * A PIN is kept only as libsodium's crypto_pwhash string (Argon2id, a
 * salt of its own, the interactive limits): slow to try, so that a
 * stolen database does not give the PINs away in an afternoon.
 */
#include <config.h>

#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/db_sql.h"
#include "core/operator.h"
#include "core/text.h"
#include "i18n.h"

static const struct {
	const char *key, *label;
} roles[] = {
	[OPERATOR_NOBODY] = {"", ""},
	[OPERATOR_STAFF] = {"staff", N_("staff")},
	[OPERATOR_OWNER] = {"owner", N_("owner")},
};

bool
role_parse(const char *s, enum operator_role *r)
{
	for (int i = OPERATOR_STAFF; i <= OPERATOR_OWNER; i++) {
		if (!strcmp(s, roles[i].key) || !strcmp(s, _(roles[i].label))) {
			*r = (enum operator_role)i;
			return true;
		}
	}
	return false;
}

const char *
role_key(enum operator_role r)
{
	return roles[r].key;
}

const char *
role_label(enum operator_role r)
{
	return *roles[r].label ? _(roles[r].label) : "";
}

int
operator_check_pin(struct md *md, const char *pin)
{
	size_t n = strlen(pin);

	if (n < 4 || n > 8 || strspn(pin, "0123456789") != n)
		return md_fail(md, MD_EINVAL, _("a PIN is 4 to 8 digits"));
	return MD_OK;
}

static int
check_name(struct md *md, const char *name)
{
	if (!*name || text_has_control(name, false) || !text_valid_utf8(name, strlen(name)))
		return md_fail(md, MD_EINVAL, _("an operator's name may not be empty or hold control characters"));
	if (text_width(name) > OPERATOR_NAME_MAX || strlen(name) >= sizeof ((struct operator *)0)->name)
		return md_fail(md, MD_EINVAL, _("an operator's name is at most %d columns wide"),
			       OPERATOR_NAME_MAX);
	return MD_OK;
}

int
operator_count(struct md *md, int64_t *n)
{
	return db_int(md, "SELECT count(*) FROM operators WHERE active", n);
}

#define OPERATOR_COLS "id, name, role, active, failures, coalesce(locked_until, ''), created_at"

static void
read_operator(struct db_stmt *st, struct operator *o)
{
	o->id = db_col_int(st, 0);
	db_column_text(st, 1, o->name, sizeof o->name);
	if (!role_parse(db_col_text(st, 2), &o->role))
		o->role = OPERATOR_STAFF;
	o->active = db_col_int(st, 3) != 0;
	o->failures = db_col_int(st, 4);
	db_column_text(st, 5, o->locked_until, sizeof o->locked_until);
	db_column_text(st, 6, o->created_at, sizeof o->created_at);
}

/* NAME's row (its PIN hash into HASH when not NULL). */
static int
get(struct md *md, const char *name, struct operator *o, char hash[crypto_pwhash_STRBYTES])
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, "SELECT " OPERATOR_COLS ", pin_hash FROM operators"
			  " WHERE name = ?1", &st)))
		return rc;
	db_bind_text(st, 1, name);
	if (db_row(md, st, &rc)) {
		read_operator(st, o);
		if (hash)
			db_column_text(st, 7, hash, crypto_pwhash_STRBYTES);
	} else if (!rc) {
		rc = md_fail(md, MD_ENOTFOUND, _("no operator called %s"), name);
	}
	db_reset(st);
	return rc;
}

static int
hash_pin(struct md *md, const char *pin, char out[crypto_pwhash_STRBYTES])
{
	if (crypto_pwhash_str(out, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return md_fail(md, MD_ENOMEM, _("out of memory while hashing the PIN"));
	return MD_OK;
}

int
operator_may(struct md *md, enum action a)
{
	enum action_who who = action_who(a);

	if (md->role == OPERATOR_NOBODY || md->role == OPERATOR_OWNER || md->on_behalf ||
	    who == WHO_STAFF)
		return MD_OK;
	if (who == WHO_RULES)
		return md_fail(md, MD_EPERM, _("nobody may %s by hand: memberdesk does it itself"),
			       action_label(a));
	return md_fail(md, MD_EPERM, _("only an owner may %s (%s is staff)"),
		       action_label(a), md->operator_name);
}

/* Write the failure count (and the lock) of O after a wrong PIN, in a
 * transaction of its own: it must stay though the sign-in fails. */
static int
count_failure(struct md *md, struct operator *o)
{
	char until[20] = "";
	struct db_stmt *st;
	struct md later;
	int rc;

	if (md->readonly)
		return MD_OK;
	o->failures++;
	if (o->failures >= OPERATOR_MAX_FAILURES) {
		later.now = md->now + OPERATOR_LOCK_MINUTES * 60;
		clock_timestamp(&later, until);
	}
	if ((rc = db_begin(md)))
		return rc;
	if ((rc = db_stmt(md, "UPDATE operators SET failures = ?2, locked_until = ?3"
			  " WHERE id = ?1", &st)))
		goto out;
	db_bind_int(st, 1, o->id);
	db_bind_int(st, 2, *until ? 0 : o->failures);
	db_bind_text_or_null(st, 3, *until ? until : NULL);
	if ((rc = db_run(md, st)) || !*until)
		goto out;
	md->on_behalf = true;
	rc = audit_log_pairs(md, ACTION_OPERATOR_LOCKED, 0, "operator", o->name,
			     "until", until, NULL);
	md->on_behalf = false;
out:
	rc = db_end(md, rc);
	snprintf(o->locked_until, sizeof o->locked_until, "%s", until);
	return rc;
}

static int
clear_failures(struct md *md, const struct operator *o)
{
	struct db_stmt *st;
	int rc;

	if (md->readonly || (!o->failures && !*o->locked_until))
		return MD_OK;
	if ((rc = db_begin(md)))
		return rc;
	if (!(rc = db_stmt(md, "UPDATE operators SET failures = 0, locked_until = NULL"
			   " WHERE id = ?1", &st))) {
		db_bind_int(st, 1, o->id);
		rc = db_run(md, st);
	}
	return db_end(md, rc);
}

int
operator_login(struct md *md, const char *name, const char *pin)
{
	char hash[crypto_pwhash_STRBYTES], now[20];
	struct operator o;
	int rc;

	rc = get(md, name, &o, hash);
	if (rc == MD_ENOTFOUND || (!rc && !o.active))
		return md_fail(md, MD_EPERM, _("wrong operator name or PIN"));
	if (rc)
		return rc;
	clock_timestamp(md, now);
	if (*o.locked_until && strcmp(now, o.locked_until) < 0)
		return md_fail(md, MD_EPERM, _("operator %s is locked after %d wrong PINs, until %s"),
			       o.name, OPERATOR_MAX_FAILURES, o.locked_until);
	if (crypto_pwhash_str_verify(hash, pin, strlen(pin)) != 0) {
		if ((rc = count_failure(md, &o)))
			return rc;
		if (*o.locked_until)
			return md_fail(md, MD_EPERM, _("wrong PIN: operator %s is locked for %d minutes"),
				       o.name, OPERATOR_LOCK_MINUTES);
		return md_fail(md, MD_EPERM, _("wrong operator name or PIN"));
	}
	if ((rc = clear_failures(md, &o)))
		return rc;
	text_copy(md->operator_name, sizeof md->operator_name, o.name);
	md->role = o.role;
	return MD_OK;
}

/* An owner other than ID that stays active and an owner. */
static int
other_owner(struct md *md, int64_t id, bool *yes)
{
	int64_t n;
	int rc = db_int_arg(md, "SELECT count(*) FROM operators WHERE active"
			    " AND role = 'owner' AND id <> ?1", id, &n);

	*yes = n > 0;
	return rc;
}

int
operator_add(struct md *md, const char *name, enum operator_role role, const char *pin)
{
	char hash[crypto_pwhash_STRBYTES], now[20];
	struct db_stmt *st;
	int64_t n;
	int rc;

	if ((rc = operator_may(md, ACTION_OPERATOR_ADD)) || (rc = check_name(md, name)) ||
	    (rc = operator_check_pin(md, pin)))
		return rc;
	if ((rc = db_begin(md)))
		return rc;
	if ((rc = operator_count(md, &n)))
		goto out;
	if (!n && role != OPERATOR_OWNER) {
		rc = md_fail(md, MD_EINVAL, _("the first operator must be an owner, or nobody could manage the shop"));
		goto out;
	}
	if ((rc = db_int_text(md, "SELECT count(*) FROM operators WHERE name = ?1", name, &n)))
		goto out;
	if (n) {
		rc = md_fail(md, MD_ECONFLICT, _("there is already an operator called %s"), name);
		goto out;
	}
	if ((rc = hash_pin(md, pin, hash)) ||
	    (rc = db_stmt(md, "INSERT INTO operators(name, role, pin_hash, created_at)"
			  " VALUES (?1, ?2, ?3, ?4)", &st)))
		goto out;
	clock_timestamp(md, now);
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, role_key(role));
	db_bind_text(st, 3, hash);
	db_bind_text(st, 4, now);
	if (!(rc = db_run(md, st)))
		rc = audit_log_pairs(md, ACTION_OPERATOR_ADD, 0, "operator", name,
				     "role", role_key(role), NULL);
out:
	sodium_memzero(hash, sizeof hash);
	return db_end(md, rc);
}

static int
set_pin(struct md *md, enum action a, const char *name, const char *pin)
{
	char hash[crypto_pwhash_STRBYTES];
	struct operator o;
	struct db_stmt *st;
	int rc;

	if ((rc = operator_check_pin(md, pin)) || (rc = db_begin(md)))
		return rc;
	if ((rc = get(md, name, &o, NULL)) || (rc = hash_pin(md, pin, hash)) ||
	    (rc = db_stmt(md, "UPDATE operators SET pin_hash = ?2, failures = 0,"
			  " locked_until = NULL WHERE id = ?1", &st)))
		goto out;
	db_bind_int(st, 1, o.id);
	db_bind_text(st, 2, hash);
	if (!(rc = db_run(md, st)))
		rc = audit_log_pairs(md, a, 0, "operator", o.name, NULL);
out:
	sodium_memzero(hash, sizeof hash);
	return db_end(md, rc);
}

int
operator_may_passwd(struct md *md, const char *name)
{
	/* One's own PIN is one's own business. */
	if (md->role != OPERATOR_NOBODY && !strcasecmp(name, md->operator_name))
		return MD_OK;
	return operator_may(md, ACTION_OPERATOR_PASSWD);
}

int
operator_passwd(struct md *md, const char *name, const char *pin)
{
	int rc;

	if (md->role != OPERATOR_NOBODY && !strcasecmp(name, md->operator_name)) {
		md->on_behalf = true;
		rc = set_pin(md, ACTION_OPERATOR_PASSWD, name, pin);
		md->on_behalf = false;
		return rc;
	}
	if ((rc = operator_may(md, ACTION_OPERATOR_PASSWD)))
		return rc;
	return set_pin(md, ACTION_OPERATOR_PASSWD, name, pin);
}

int
operator_recover(struct md *md, const char *name, const char *pin)
{
	struct stat st;
	int rc;

	if (stat(md->path, &st) != 0 || st.st_uid != geteuid())
		return md_fail(md, MD_EPERM, _("only the system account that owns %s may reset a PIN without it"),
			       md->path);
	md->on_behalf = true;
	rc = set_pin(md, ACTION_OPERATOR_RECOVER, name, pin);
	md->on_behalf = false;
	return rc;
}

/* Whether taking O's owner role away, or O itself, leaves an owner. */
static int
keep_an_owner(struct md *md, const struct operator *o)
{
	bool other;
	int rc;

	if (o->role != OPERATOR_OWNER || !o->active)
		return MD_OK;
	if ((rc = other_owner(md, o->id, &other)) || other)
		return rc;
	return md_fail(md, MD_ECONFLICT, _("%s is the last active owner: add or enable another owner first"),
		       o->name);
}

static int
update(struct md *md, enum action a, const char *name, const char *sql, int64_t v,
       const char *key, const char *value)
{
	struct operator o;
	struct db_stmt *st;
	int rc;

	if ((rc = operator_may(md, a)) || (rc = db_begin(md)))
		return rc;
	if ((rc = get(md, name, &o, NULL)))
		goto out;
	if ((a == ACTION_OPERATOR_DISABLE || (a == ACTION_OPERATOR_ROLE && v != OPERATOR_OWNER)) &&
	    (rc = keep_an_owner(md, &o)))
		goto out;
	if ((rc = db_stmt(md, sql, &st)))
		goto out;
	db_bind_int(st, 1, o.id);
	if (a == ACTION_OPERATOR_ROLE)
		db_bind_text(st, 2, role_key((enum operator_role)v));
	if (!(rc = db_run(md, st)))
		rc = audit_log_pairs(md, a, 0, "operator", o.name, key, value, NULL);
out:
	rc = db_end(md, rc);
	/* One's own new role holds from now on, not from the next sign-in:
	 * the screens stay signed in. */
	if (!rc && a == ACTION_OPERATOR_ROLE && md->role != OPERATOR_NOBODY &&
	    !strcasecmp(o.name, md->operator_name))
		md->role = (enum operator_role)v;
	return rc;
}

int
operator_set_role(struct md *md, const char *name, enum operator_role role)
{
	return update(md, ACTION_OPERATOR_ROLE, name,
		      "UPDATE operators SET role = ?2 WHERE id = ?1", role, "role", role_key(role));
}

int
operator_set_active(struct md *md, const char *name, bool active)
{
	return update(md, active ? ACTION_OPERATOR_ENABLE : ACTION_OPERATOR_DISABLE, name,
		      active ? "UPDATE operators SET active = 1 WHERE id = ?1"
			     : "UPDATE operators SET active = 0 WHERE id = ?1",
		      active, "active", active ? "yes" : "no");
}

int
operator_list(struct md *md, int (*cb)(void *arg, const struct operator *o), void *arg)
{
	struct db_stmt *st;
	struct operator o;
	int rc;

	if ((rc = operator_may(md, ACTION_OPERATOR_ADD)) ||
	    (rc = db_prepare(md, "SELECT " OPERATOR_COLS " FROM operators ORDER BY name", &st)))
		return rc;
	while (db_row(md, st, &rc)) {
		read_operator(st, &o);
		if ((rc = cb(arg, &o)))
			break;
	}
	db_finalize(st);
	return rc;
}
