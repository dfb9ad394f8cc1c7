/* lang.c - the locale the messages follow, as gettext picks it
 *
 * gettext reads the language from LANGUAGE (a list: we take its first
 * entry), unless the messages locale is "C", which ignores LANGUAGE;
 * then from the LC_MESSAGES locale that setlocale() took from LC_ALL,
 * LC_MESSAGES or LANG.  A locale that setlocale() could not set is "C":
 * the messages are in English, and this says "C" too.  What a new shop
 * starts with follows from it, so that it matches the language the
 * screens speak.
 */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/lang.h"

/* The places that write Traditional characters.  Hong Kong and Macau
 * read the zh_TW catalog (installed under their names too). */
static const char *const traditional[] = { "zh_TW", "zh_HK", "zh_MO" };

void
lang_messages(char out[LANG_MAX])
{
	const char *loc = setlocale(LC_MESSAGES, NULL);
	const char *list = getenv("LANGUAGE");
	size_t n;

	if (!loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		loc = "C";
	else if (list && *list)
		loc = list;
	n = strcspn(loc, ":");
	if (n >= LANG_MAX)
		n = LANG_MAX - 1;
	memcpy(out, loc, n);
	out[n] = '\0';
}

const char *
lang_place(void)
{
	char l[LANG_MAX];

	lang_messages(l);
	for (size_t i = 0; i < sizeof traditional / sizeof *traditional; i++) {
		size_t n = strlen(traditional[i]);

		/* zh_TW, zh_TW.UTF-8, zh_TW@euro; not zh_TWX */
		if (strncmp(l, traditional[i], n) == 0 &&
		    (l[n] == '\0' || l[n] == '.' || l[n] == '@'))
			return traditional[i] + 3;
	}
	return NULL;
}

bool
lang_traditional(void)
{
	return lang_place() != NULL;
}
