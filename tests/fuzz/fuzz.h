/* fuzz.h - what the libFuzzer targets share (header-only)
 *
 * Each target feeds its input to the real core functions and checks
 * what must hold of their answer, not only that they return: a broken
 * invariant aborts with its line, and libFuzzer keeps the input.
 */
#ifndef MD_FUZZ_H
#define MD_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/md.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define FUZZ_ASSERT(cond) \
	((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond, NULL))
/* The same, printing the string the invariant is about. */
#define FUZZ_ASSERT_S(cond, s) \
	((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond, (s)))

static void __attribute__((noreturn, unused))
fuzz_fail(const char *file, int line, const char *what, const char *s)
{
	fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
	if (s)
		fprintf(stderr, "  about \"%s\"\n", s);
	abort();
}

/* DATA as a C string (malloc'ed).  An embedded NUL ends it, as it ends
 * an argument or a cell. */
static char * __attribute__((unused))
fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* A context without a database, its clock pinned (run.sh pins it too)
 * so that "in the future" means the same on every run. */
static void __attribute__((unused))
fuzz_md(struct md *md)
{
	setenv("MEMBERDESK_NOW", "2026-03-15 12:00:00", 0);
	if (md_init(md) != MD_OK || clock_init(md) != MD_OK)
		fuzz_fail(__FILE__, __LINE__, "md_init", md->err);
}

/* A rejection says why. */
static void __attribute__((unused))
fuzz_rejected(const struct md *md, int rc)
{
	FUZZ_ASSERT(rc > MD_OK && rc <= MD_ENOMEM);
	FUZZ_ASSERT(md->err[0] != '\0');
}

#endif
