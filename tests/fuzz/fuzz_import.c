/* fuzz_import.c - the import's header and --map parser, and every row
 * check behind it, on a real database
 *
 * The input is a CSV file, after optional lines that say how to import
 * it, as the command line would: "#members", "#sales", "#points",
 * "#wallet" (the kind; members by default), "#map COLUMN=FIELD",
 * "#create" (--create-members), "#net" (--returns net), "#update" or
 * "#fail" (--on-duplicate), "#skip-bad".
 *
 * What must hold: a dry run leaves the database exactly as it was and
 * gives the same answer twice; the real import (inside a transaction
 * this harness rolls back) agrees with the dry run; each rejected row
 * is reported once, with its line and why.
 */
#include <config.h>

#include <unistd.h>

#include "core/db.h"
#include "core/import.h"
#include "core/member.h"
#include "fuzz.h"
#include "../unit/testdb.h"

#define MAPS_MAX 8

static struct md md;
static char csv_path[128];

static void
close_db(void)
{
	db_close(&md);
	unlink(csv_path);
	testdb_cleanup();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct member_input a = { .phone = "13800138000", .name = "张三", .card = "100008" };
	struct member_input b = { .phone = "0912345678", .name = "王小明", .card = "A-1" };
	char card[CARD_MAX];

	(void)argc;
	(void)argv;
	testdb_open(&md, "2026-03-15 12:00:00");
	if (member_add(&md, &a, card) || member_add(&md, &b, card)) {
		fprintf(stderr, "member_add: %s\n", md.err);
		abort();
	}
	snprintf(csv_path, sizeof csv_path, "%s/in.csv", testdb_dir);
	atexit(close_db);
	return 0;
}

struct seen {
	int64_t rejected;
};

static int
on_reject(void *arg, const struct import_problem *p)
{
	struct seen *s = arg;

	FUZZ_ASSERT(p->line >= 1);
	FUZZ_ASSERT(p->column && p->value && p->problem && *p->problem);
	s->rejected++;
	return MD_OK;
}

static void
on_notice(void *arg, const char *message)
{
	(void)arg;
	FUZZ_ASSERT(message && *message);
}

/* Read the "#" lines at the start of S into O; returns the CSV after. */
static const char *
directives(const char *s, struct import_opts *o, struct import_map maps[MAPS_MAX],
	   char *buf)
{
	static const struct {
		const char *word;
		enum import_kind kind;
	} kinds[] = {
		{ "#members", IMPORT_MEMBERS }, { "#sales", IMPORT_SALES },
		{ "#points", IMPORT_POINTS }, { "#wallet", IMPORT_WALLET },
	};

	while (*s == '#') {
		size_t n = strcspn(s, "\n");
		char *line = buf, *eq;

		memcpy(line, s, n);
		line[n] = '\0';
		buf += n + 1;
		s += n + (s[n] == '\n');
		for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
			if (!strcmp(line, kinds[i].word))
				o->kind = kinds[i].kind;
		if (!strcmp(line, "#create"))
			o->create_members = true;
		else if (!strcmp(line, "#net"))
			o->returns_net = true;
		else if (!strcmp(line, "#update"))
			o->on_duplicate = IMPORT_DUP_UPDATE;
		else if (!strcmp(line, "#fail"))
			o->on_duplicate = IMPORT_DUP_FAIL;
		else if (!strcmp(line, "#skip-bad"))
			o->skip_bad = true;
		else if (!strncmp(line, "#map ", 5) && o->nmaps < MAPS_MAX &&
			 (eq = strchr(line + 5, '='))) {
			*eq = '\0';
			maps[o->nmaps].column = line + 5;
			maps[o->nmaps++].field = eq + 1;
		}
	}
	return s;
}

static int
run(struct import_opts *o, struct import_result *res, struct seen *seen)
{
	int rc;

	memset(seen, 0, sizeof *seen);
	md.err[0] = '\0';
	rc = import_run(&md, o, res);
	if (rc)
		fuzz_rejected(&md, rc);
	FUZZ_ASSERT(seen->rejected == res->rejected);
	FUZZ_ASSERT(res->rejected <= res->rows);
	FUZZ_ASSERT(res->inserted >= 0 && res->updated >= 0 && res->duplicates >= 0);
	return rc;
}

static bool
same_counts(const struct import_result *a, const struct import_result *b)
{
	return a->rows == b->rows && a->inserted == b->inserted &&
	       a->updated == b->updated && a->duplicates == b->duplicates &&
	       a->returns == b->returns && a->netted_out == b->netted_out &&
	       a->free_lines == b->free_lines && a->walk_ins == b->walk_ins &&
	       a->created == b->created && a->rejected == b->rejected;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_map maps[MAPS_MAX];
	struct seen seen;
	struct import_opts o = {
		.path = csv_path, .maps = maps, .dry_run = true,
		.reject = on_reject, .notice = on_notice, .arg = &seen,
	};
	struct import_result dry, again, real;
	char *s = fuzz_string(data, size), *buf = malloc(size + 1);
	char *before, *after, err[sizeof md.err];
	const char *csv;
	int rc, rc2;
	FILE *fp;

	if (!buf)
		abort();
	csv = directives(s, &o, maps, buf);
	/* The file is the rest of the input, NULs and all. */
	if (!(fp = fopen(csv_path, "wb")))
		abort();
	if (fwrite(data + (csv - s), 1, size - (size_t)(csv - s), fp) !=
	    size - (size_t)(csv - s) || fclose(fp) != 0)
		abort();

	before = testdb_fingerprint(&md);
	rc = run(&o, &dry, &seen);
	memcpy(err, md.err, sizeof err);
	after = testdb_fingerprint(&md);
	FUZZ_ASSERT_S(!strcmp(before, after), err);
	FUZZ_ASSERT(!dry.committed && dry.import_id == 0);
	rc2 = run(&o, &again, &seen);
	FUZZ_ASSERT_S(rc2 == rc && !strcmp(err, md.err), md.err);
	FUZZ_ASSERT_S(same_counts(&dry, &again), err);

	/* The real thing, undone by the transaction around it. */
	o.dry_run = false;
	FUZZ_ASSERT(db_begin(&md) == MD_OK);
	rc2 = run(&o, &real, &seen);
	FUZZ_ASSERT_S((rc2 == MD_OK) == (rc == MD_OK), md.err);
	FUZZ_ASSERT_S(same_counts(&dry, &real), err);
	FUZZ_ASSERT(real.committed == (rc2 == MD_OK));
	db_end(&md, MD_EINVAL);
	free(after);
	after = testdb_fingerprint(&md);
	FUZZ_ASSERT(!strcmp(before, after));

	free(before);
	free(after);
	free(buf);
	free(s);
	return 0;
}
