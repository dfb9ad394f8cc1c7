/* lang.h - the locale the messages follow, as gettext picks it */
#ifndef MD_LANG_H
#define MD_LANG_H

#include <stdbool.h>

#define LANG_MAX 64

/* The locale gettext takes the messages' language from, into OUT:
 * "zh_TW.UTF-8", "zh_HK", "C"...  setlocale() must have run. */
void lang_messages(char out[LANG_MAX]);

/* Whether that is Taiwan's, Hong Kong's or Macau's: a place that writes
 * Traditional characters. */
bool lang_traditional(void);

/* Which of those it is: "TW", "HK" or "MO"; NULL for any other. */
const char *lang_place(void);

#endif
