/* tui_browse.c - a simple folder browser that picks a file
 *
 * The folders first, then the files, by name; hidden ones left out.
 * Enter goes into a folder or picks a file (its whole path goes to the
 * screen that asked), Backspace goes to the folder above, Esc leaves
 * without picking.  It starts in the folder of the path already typed,
 * or in the current one. */
#include <config.h>

#include <curses.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/text.h"
#include "i18n.h"
#include "tui/tui_report.h"
#include "tui/tui_screens.h"

struct entry {
	char *name;
	bool dir;
	long long size;
};

struct browse {
	char *out;		/* the asking screen's buffer */
	size_t outn;
	char dir[PATH_MAX];
	struct entry *e;
	size_t n;
	struct tui_list l;
};

static void
entries_free(struct browse *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->e[i].name);
	free(b->e);
	b->e = NULL;
	b->n = 0;
}

static int
by_kind_name(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;

	if (a->dir != b->dir)
		return a->dir ? -1 : 1;
	if (!strcmp(a->name, ".."))
		return -1;
	if (!strcmp(b->name, ".."))
		return 1;
	return strcoll(a->name, b->name);
}

/* Read DIR (made absolute) into B; false, saying why, when it cannot. */
static bool
load(struct tui *t, struct browse *b, const char *dir)
{
	char real[PATH_MAX], path[PATH_MAX + 256];
	struct dirent *d;
	struct stat st;
	size_t cap = 0;
	DIR *dp;

	if (!realpath(dir, real) || !(dp = opendir(real))) {
		tui_error(t, _("cannot open the folder %s: %s"), dir, strerror(errno));
		return false;
	}
	entries_free(b);
	snprintf(b->dir, sizeof b->dir, "%s", real);
	while ((d = readdir(dp))) {
		if (d->d_name[0] == '.' && strcmp(d->d_name, ".."))
			continue;
		if (!strcmp(d->d_name, "..") && !strcmp(real, "/"))
			continue;
		snprintf(path, sizeof path, "%s/%s", real, d->d_name);
		if (stat(path, &st))
			continue;
		if (!md_grow(t->md, &b->e, &cap, b->n, sizeof *b->e) ||
		    !(b->e[b->n].name = strdup(d->d_name)))
			break;
		b->e[b->n].dir = S_ISDIR(st.st_mode);
		b->e[b->n++].size = (long long)st.st_size;
	}
	closedir(dp);
	qsort(b->e, b->n, sizeof *b->e, by_kind_name);
	b->l = (struct tui_list){.n = (int)b->n};
	return true;
}

static int
list_rows(void)
{
	return tui_body_rows() - 2;
}

static void
browse_draw(struct tui *t, struct tui_view *v)
{
	struct browse *b = v->state;
	struct tui_col c[2] = {{N_("Name"), 0, false}, {N_("Bytes"), 14, true}};
	char size[32], name[300];
	int y = tui_body_top() + 2, rows = list_rows(), i;

	tui_cols_fit(c, 2, 0, 20);
	tui_put_role(t, tui_body_top(), 1, b->dir, COLS - 2, false, ROLE_HEADER);
	tui_list_scroll(&b->l, rows);
	for (i = 0; i < rows && b->l.top + i < b->l.n; i++) {
		const struct entry *e = &b->e[b->l.top + i];
		const char *cells[2] = {name, size};

		snprintf(name, sizeof name, "%s%s", e->name, e->dir ? "/" : "");
		if (e->dir)
			size[0] = '\0';
		else
			text_format_int(e->size, size);
		tui_table_row(t, y + i, c, 2, cells,
			      b->l.top + i == b->l.sel ? ROLE_SELECTED : ROLE_NORMAL);
	}
	if (!b->n)
		tui_put(y, 1, _("The folder is empty."), COLS - 2, false);
}

static void
choose(struct tui *t, struct browse *b)
{
	char path[PATH_MAX + 256];
	const struct entry *e;

	if (!b->n)
		return;
	e = &b->e[b->l.sel];
	snprintf(path, sizeof path, "%s%s%s", b->dir, strcmp(b->dir, "/") ? "/" : "", e->name);
	if (e->dir) {
		load(t, b, path);
		return;
	}
	if (strlen(path) >= b->outn) {
		tui_error(t, "%s", _("the file's path is too long"));
		return;
	}
	snprintf(b->out, b->outn, "%s", path);
	tui_pop(t);
}

static enum tui_result
browse_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct browse *b = v->state;
	char up[PATH_MAX + 4];

	(void)key;
	if (tui_list_move(&b->l, act, list_rows()))
		return TUI_HANDLED;
	switch (act) {
	case ACT_CHOOSE:
		choose(t, b);
		return TUI_HANDLED;
	case ACT_PARENT:
		snprintf(up, sizeof up, "%s/..", b->dir);
		load(t, b, up);
		return TUI_HANDLED;
	case ACT_BACK:
		b->out[0] = '\0';	/* nothing picked */
		return TUI_IGNORED;
	default:
		return TUI_IGNORED;
	}
}

static void
browse_free(struct tui_view *v)
{
	entries_free(v->state);
	free(v->state);
}

static const enum tui_act browse_acts[] = {ACT_CHOOSE, ACT_PARENT, TUI_LIST_ACTS, ACT_NONE};

static const struct tui_screen browse_screen = {
	.name = N_("Pick a file"),
	.acts = browse_acts,
	.draw = browse_draw,
	.key = browse_key,
	.free = browse_free,
};

bool
tui_browse_open(struct tui *t, char *path, size_t n)
{
	struct browse *b = calloc(1, sizeof *b);
	char start[PATH_MAX], *slash;
	struct stat st;

	if (!b) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	b->out = path;
	b->outn = n;
	snprintf(start, sizeof start, "%s", *path ? path : ".");
	if (stat(start, &st) || !S_ISDIR(st.st_mode)) {
		if ((slash = strrchr(start, '/')))
			*(slash == start ? slash + 1 : slash) = '\0';
		else
			strcpy(start, ".");
	}
	path[0] = '\0';
	if (!load(t, b, start) && !load(t, b, ".")) {
		free(b);
		return false;
	}
	return tui_push(t, &browse_screen, b);
}
