/* action.c - the actions' names, from action.h's one list */
#include <config.h>

#include <string.h>

#include "core/action.h"
#include "i18n.h"

static const struct {
	const char *key, *label;
	enum action_who who;
} actions[] = {
#define ACTION_ROW(id, key, who, label) [ACTION_##id] = { key, label, WHO_##who },
	ACTIONS(ACTION_ROW)
#undef ACTION_ROW
};

const char *
action_key(enum action a)
{
	return actions[a].key;
}

const char *
action_label(enum action a)
{
	return _(actions[a].label);
}

enum action_who
action_who(enum action a)
{
	return actions[a].who;
}

bool
action_parse(const char *key, enum action *a)
{
	for (int i = 0; i < ACTION_COUNT; i++) {
		if (!strcmp(key, actions[i].key)) {
			*a = (enum action)i;
			return true;
		}
	}
	return false;
}
