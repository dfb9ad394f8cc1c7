/* i18n.h - gettext wiring shared by core and faces */
#ifndef MD_I18N_H
#define MD_I18N_H

#include <config.h>

#if ENABLE_NLS
# include <libintl.h>
# define _(s) gettext(s)
# define P_(s, p, n) ngettext((s), (p), (n))
#else
# define _(s) (s)
# define P_(s, p, n) ((n) == 1 ? (s) : (p))
#endif
/* Marks a string for translation where it is defined (tables); the
 * translation happens where it is shown, through _(). */
#define N_(s) (s)

#endif
