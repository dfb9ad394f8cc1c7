/* tui_report_weekly.c - the weekly report, on the screen as on paper
 *
 * The core lays the report out in pages (report_weekly_text); this
 * screen shows those pages one at a time, Up and Down moving in a page
 * taller than the terminal, PgUp and PgDn from page to page, Left and
 * Right from week to week.  F2 saves the same text to a file. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/outfile.h"
#include "core/report.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_report.h"
#include "tui/tui_screens.h"

struct weekly {
	struct date week_end;
	char *text;		/* the report, its lines cut in place */
	char **lines;
	size_t nlines;
	size_t *pages;		/* the first line of each page */
	size_t npages;
	size_t page, top;	/* the page shown, its first line shown */
};

static void
weekly_clear(struct weekly *w)
{
	free(w->text);
	free(w->lines);
	free(w->pages);
	w->text = NULL;
	w->lines = NULL;
	w->pages = NULL;
	w->nlines = w->npages = 0;
}

/* Cut TEXT into lines, and into pages at its form feeds. */
static bool
split(struct weekly *w)
{
	size_t cap = 1;
	char *p;

	for (p = w->text; *p; p++)
		cap += *p == '\n' || *p == '\f';
	if (!(w->lines = calloc(cap, sizeof *w->lines)) ||
	    !(w->pages = calloc(cap, sizeof *w->pages)))
		return false;
	w->pages[w->npages++] = 0;
	for (p = w->text; *p;) {
		char *nl = p + strcspn(p, "\n\f");
		bool ff = *nl == '\f';

		if (*nl)
			*nl++ = '\0';
		if (*p || !ff)
			w->lines[w->nlines++] = p;
		if (ff && *nl)
			w->pages[w->npages++] = w->nlines;
		p = nl;
	}
	return true;
}

static bool
weekly_load(struct tui *t, struct weekly *w)
{
	struct report_weekly r;
	size_t size;
	FILE *fp;
	int rc;

	weekly_clear(w);
	if ((rc = report_weekly(t->md, w->week_end, &r))) {
		tui_error(t, "%s", t->md->err);
		report_weekly_free(&r);
		return false;
	}
	fp = open_memstream(&w->text, &size);
	rc = !fp || report_weekly_text(t->md, fp, &r) < 0;
	if (fp)
		rc |= fclose(fp) != 0;
	report_weekly_free(&r);
	if (rc || !split(w)) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	w->page = w->top = 0;
	return true;
}

static size_t
page_end(const struct weekly *w)
{
	return w->page + 1 < w->npages ? w->pages[w->page + 1] : w->nlines;
}

static void
weekly_draw(struct tui *t, struct tui_view *v)
{
	struct weekly *w = v->state;
	size_t first = w->pages[w->page], end = page_end(w), i;
	int rows = tui_body_rows() - 1, y = tui_body_top() + 1;
	char line[200], week[11];

	date_format(w->week_end, week);
	/* TRANSLATORS: "Week ending 2026-07-12, page 1 of 3. ..." */
	snprintf(line, sizeof line,
		 _("Week ending %s, page %zu of %zu. PgDn, PgUp: pages; Left, Right: weeks."),
		 week, w->page + 1, w->npages);
	tui_put_role(t, tui_body_top(), 0, line, COLS, false, ROLE_DIM);
	for (i = first + w->top; i < end && rows > 0; i++, rows--, y++)
		tui_put(y, 0, w->lines[i], COLS, false);
}

static void
save(struct tui *t, struct weekly *w)
{
	char path[1024], week[11];
	struct report_weekly r;
	struct outfile of;
	int rc;

	date_format(w->week_end, week);
	snprintf(path, sizeof path, "weekly-%s.txt", week);
	if (!tui_ask(t, _("Save the report as:"), path, sizeof path)) {
		tui_say(t, "%s", _("Nothing was saved."));
		return;
	}
	if ((rc = report_weekly(t->md, w->week_end, &r)) ||
	    (rc = outfile_open(t->md, path, NULL, false, &of))) {
		report_weekly_free(&r);
		tui_error(t, "%s", t->md->err);
		return;
	}
	if (report_weekly_text(t->md, of.fp, &r) < 0) {
		outfile_abort(&of);
		rc = md_fail(t->md, MD_EIO, _("write error"));
	} else {
		rc = outfile_commit(t->md, &of);
	}
	report_weekly_free(&r);
	if (rc)
		tui_error(t, "%s", t->md->err);
	else
		tui_say(t, _("The report is saved in %s."), path);
}

/* Another week: the one before, or the one after unless it has not
 * ended yet (report_week_parse says so). */
static void
change_week(struct tui *t, struct weekly *w, int days)
{
	struct date d = date_from_days(date_to_days(w->week_end) + days), end;
	char s[11];

	date_format(d, s);
	if (report_week_parse(t->md, s, &end)) {
		tui_error(t, "%s", t->md->err);
		return;
	}
	w->week_end = end;
	weekly_load(t, w);
}

static enum tui_result
weekly_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct weekly *w = v->state;
	size_t len = page_end(w) - w->pages[w->page], rows = (size_t)tui_body_rows() - 1;

	(void)key;
	switch (act) {
	case ACT_UP: if (w->top) w->top--; break;
	case ACT_DOWN: if (w->top + rows < len) w->top++; break;
	case ACT_PGDN: if (w->page + 1 < w->npages) w->page++, w->top = 0; break;
	case ACT_PGUP: if (w->page) w->page--, w->top = 0; break;
	case ACT_HOME: w->page = w->top = 0; break;
	case ACT_END: w->page = w->npages - 1, w->top = 0; break;
	case ACT_EARLIER: change_week(t, w, -7); break;
	case ACT_LATER: change_week(t, w, 7); break;
	case ACT_SAVE_FILE: save(t, w); break;
	default: return TUI_IGNORED;
	}
	return TUI_HANDLED;
}

static void
weekly_free(struct tui_view *v)
{
	weekly_clear(v->state);
	free(v->state);
}

static const enum tui_act weekly_acts[] = {
	ACT_SAVE_FILE, ACT_EARLIER, ACT_LATER, TUI_LIST_ACTS, ACT_NONE
};

static const struct tui_screen weekly_screen = {
	.name = N_("Weekly report"),
	.acts = weekly_acts,
	.draw = weekly_draw,
	.key = weekly_key,
	.free = weekly_free,
};

bool
tui_report_weekly_open(struct tui *t)
{
	struct weekly *w = calloc(1, sizeof *w);

	if (!w) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	if (report_week_parse(t->md, NULL, &w->week_end) || !weekly_load(t, w)) {
		if (!t->status_error)
			tui_error(t, "%s", t->md->err);
		weekly_clear(w);
		free(w);
		return false;
	}
	return tui_push(t, &weekly_screen, w);
}
