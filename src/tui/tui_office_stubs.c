/* tui_office_stubs.c - back-office screens still to come
 *
 * Weak stand-ins for the openers the reports and import/export screens
 * will define (tui_screens.h); their own definitions replace these,
 * and this file goes when both have come. */
#include <config.h>

#include "i18n.h"
#include "tui/tui_screens.h"

static bool
coming(struct tui *t, const char *what)
{
	tui_say(t, _("%s: coming; the commands do it today (memberdesk --help)."), what);
	return false;
}

__attribute__((weak)) bool
tui_reports_open(struct tui *t)
{
	return coming(t, _("Reports"));
}

__attribute__((weak)) bool
tui_transfer_open(struct tui *t)
{
	return coming(t, _("Import/Export"));
}
