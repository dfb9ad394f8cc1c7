/* tui_topup.c - 充值, points adjustments and the member edit form */
#include <config.h>

#include "i18n.h"
#include "tui/tui_screens.h"

bool
tui_topup_open(struct tui *t, int64_t member_id)
{
	(void)member_id;
	tui_error(t, "%s", "not yet");
	return false;
}

bool
tui_points_open(struct tui *t, int64_t member_id)
{
	(void)member_id;
	tui_error(t, "%s", "not yet");
	return false;
}

bool
tui_edit_open(struct tui *t, int64_t member_id)
{
	(void)member_id;
	tui_error(t, "%s", "not yet");
	return false;
}
