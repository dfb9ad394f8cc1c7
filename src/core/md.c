/* md.c - the context: error messages, clock, operator */
#include <config.h>

#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "core/md.h"
#include "core/text.h"
#include "i18n.h"

int
md_fail(struct md *md, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(md->err, sizeof md->err, fmt, ap);
	va_end(ap);
	return status;
}

bool
md_grow(struct md *md, void *p, size_t *cap, size_t n, size_t size)
{
	void **arr = p;
	size_t want;
	void *q;

	if (n < *cap)
		return true;
	want = *cap ? 2 * *cap : 16;
	q = realloc(*arr, want * size);
	if (!q) {
		md_fail(md, MD_ENOMEM, _("out of memory"));
		return false;
	}
	*arr = q;
	*cap = want;
	return true;
}

const char *
md_input(struct md *md, const char *option)
{
	const char *s = md->input_name ? md->input_name(md->input_arg, option) : NULL;

	return s ? s : option;
}

int
md_init(struct md *md)
{
	struct passwd *pw;
	const char *name = NULL;

	memset(md, 0, sizeof *md);
	/* libsodium: PIN hashes and SHA-256; safe to call again. */
	if (sodium_init() < 0)
		return MD_ENOMEM;
	pw = getpwuid(geteuid());
	if (pw && pw->pw_name)
		name = pw->pw_name;
	if (!name)
		name = getenv("USER");
	text_copy(md->operator_name, sizeof md->operator_name,
		  name ? name : "?");
	return MD_OK;
}
