/* tui_sell.c - 收银: a sale with its breakdown worked out live */
#include <config.h>

#include "i18n.h"
#include "tui/tui_screens.h"

bool
tui_sell_open(struct tui *t, int64_t member_id)
{
	(void)member_id;
	tui_error(t, "%s", "not yet");
	return false;
}
