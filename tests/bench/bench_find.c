/* bench_find.c - member_find() in-process, beside an indexed point lookup
 *
 * make bench's shop.sh runs it on a large shop: for each query given,
 * the first screenful (member_find with a limit of 20) is asked RUNS
 * times and the median and 99th percentile printed in microseconds,
 * and the same for the anchor, the card's point lookup through the
 * same connection, its statement kept prepared as member_find's are.  Output lines: "LABEL p50_us p99_us".
 *
 * Usage: bench_find DB RUNS CARD LABEL=QUERY...
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/db.h"
#include "core/db_sql.h"
#include "core/member.h"

static int64_t
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int
count(void *arg, const struct member *m)
{
	(void)m;
	++*(int *)arg;
	return 0;
}

static int
cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static void
report(const char *label, int64_t *t, int runs, int found)
{
	qsort(t, (size_t)runs, sizeof *t, cmp);
	printf("%s %lld %lld %d\n", label, (long long)t[(runs - 1) / 2],
	       (long long)t[(runs * 99 + 99) / 100 - 1], found);
}

static int
anchor(struct md *md, const char *card, int64_t *t, int runs)
{
	struct db_stmt *st;
	int i, rc, found = 0;

	for (i = 0; i < runs; i++) {
		int64_t t0 = now_us();

		if ((rc = db_stmt(md, "SELECT id, name, phone FROM members WHERE card = ?", &st)))
			return -1;
		db_bind_text(st, 1, card);
		found = db_row(md, st, &rc);
		db_reset(st);
		t[i] = now_us() - t0;
	}
	return found;
}

int
main(int argc, char **argv)
{
	struct md md;
	int64_t *t;
	int runs, i, a;

	if (argc < 4 || (runs = atoi(argv[2])) < 1) {
		fprintf(stderr, "usage: bench_find DB RUNS CARD LABEL=QUERY...\n");
		return 2;
	}
	if (md_init(&md) || clock_init(&md) || db_open(&md, argv[1], false)) {
		fprintf(stderr, "bench_find: %s\n", md.err);
		return 1;
	}
	t = calloc((size_t)runs, sizeof *t);
	if (!t || (a = anchor(&md, argv[3], t, runs)) < 0) {
		fprintf(stderr, "bench_find: %s\n", md.err);
		return 1;
	}
	report("anchor", t, runs, a);
	for (a = 4; a < argc; a++) {
		char *q = strchr(argv[a], '=');
		int found = 0;

		if (!q)
			continue;
		*q++ = '\0';
		for (i = 0; i < runs; i++) {
			int64_t t0 = now_us();

			found = 0;
			if (member_find(&md, q, 20, false, count, &found)) {
				fprintf(stderr, "bench_find: %s\n", md.err);
				return 1;
			}
			t[i] = now_us() - t0;
		}
		report(argv[a], t, runs, found);
	}
	free(t);
	db_close(&md);
	return 0;
}
