/* rejects.c - an import's rejected rows, as a file to fix and import again
 *
 * The rows are read again from the source rather than kept by the
 * import: an import of a million rows keeps nothing per row.  The file
 * must be the one the import read (its SHA-256), or the line numbers
 * would name other rows. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csvio.h"
#include "core/outfile.h"
#include "core/rejects.h"
#include "core/text.h"
#include "i18n.h"

void
rejects_name(const char *path, char *out, size_t n)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	const char *dot = strrchr(base, '.');
	const char *ext = dot && dot != base ? dot : base + strlen(base);
	int stem = (int)(ext - path);

	/* TRANSLATORS: the end of a file name: 会员.csv -> 会员-rejected.csv */
	snprintf(out, n, "%.*s-%s%s", stem, path, _("rejected"), ext);
	for (int i = 2; i < 100 && access(out, F_OK) == 0; i++)
		snprintf(out, n, "%.*s-%s-%d%s", stem, path, _("rejected"), i, ext);
}

/* A problem's line and its index in the face's list, to sort by. */
struct ref {
	int64_t line;
	size_t i;
};

struct writing {
	struct md *md;
	const struct import_problem *p;
	const struct ref *order;	/* P by line */
	size_t n;
	FILE *fp;
	char delim;
	size_t nheader;
	bool header_done;
	int64_t rows;
};

static int
by_line(const void *a, const void *b)
{
	const struct ref *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* The first of the problems on LINE, or W->n. */
static size_t
first_on(const struct writing *w, int64_t line)
{
	size_t lo = 0, hi = w->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (w->order[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < w->n && w->order[lo].line == line ? lo : w->n;
}

/* "手机号: phone \"12345\" is not valid; ..." for every problem of LINE. */
static void
why(const struct writing *w, size_t i, char *out, size_t n)
{
	size_t o = 0;

	out[0] = '\0';
	for (int64_t line = w->order[i].line;
	     i < w->n && w->order[i].line == line && o < n - 1; i++) {
		const struct import_problem *q = &w->p[w->order[i].i];

		o += (size_t)snprintf(out + o, n - o, "%s%s%s%s", o ? "; " : "", q->column,
				      *q->column ? ": " : "", q->problem);
		if (o >= n)
			break;	/* cut: the rest would not fit */
	}
}

/* One record out: its cells (padded to the header's), then CAUSE. */
static int
put(struct writing *w, const struct csvio_record *r, const char *cause)
{
	size_t n = (r->n > w->nheader ? r->n : w->nheader) + 1, c;
	const char **cells = calloc(n, sizeof *cells);
	bool *text = calloc(n, sizeof *text);
	int rc = MD_OK;

	if (!cells || !text) {
		rc = md_fail(w->md, MD_ENOMEM, _("out of memory"));
		goto out;
	}
	for (c = 0; c < n - 1; c++)
		cells[c] = c < r->n ? r->fields[c] : "";
	cells[n - 1] = cause;
	text[n - 1] = true;
	if (csvio_write_row(w->fp, cells, text, n, w->delim, "\r\n") < 0)
		rc = md_fail(w->md, MD_EIO, _("cannot write the rejected rows"));
out:
	free(cells);
	free(text);
	return rc;
}

static int
on_record(void *arg, const struct csvio_record *r)
{
	struct writing *w = arg;
	char cause[2048];
	size_t i;

	if (!w->header_done) {
		w->header_done = true;
		w->nheader = r->n;
		/* TRANSLATORS: the header of the column a rejected row's problem is in */
		return put(w, r, _("rejected because"));
	}
	if ((i = first_on(w, r->line)) == w->n)
		return MD_OK;
	why(w, i, cause, sizeof cause);
	w->rows++;
	return put(w, r, cause);
}

int
rejects_keep(struct md *md, struct rejects_kept *k, const struct import_problem *p)
{
	struct import_problem *q;

	if (!md_grow(md, &k->p, &k->cap, k->n, sizeof *k->p))
		return MD_ENOMEM;
	q = &k->p[k->n];
	q->line = p->line;
	q->column = strdup(p->column);
	q->value = strdup(p->value);
	q->problem = strdup(p->problem);
	if (!q->column || !q->value || !q->problem) {
		free((char *)q->column);
		free((char *)q->value);
		free((char *)q->problem);
		return md_fail(md, MD_ENOMEM, "%s", _("out of memory"));
	}
	k->n++;
	return MD_OK;
}

void
rejects_clear(struct rejects_kept *k)
{
	for (size_t i = 0; i < k->n; i++) {
		free((char *)k->p[i].column);
		free((char *)k->p[i].value);
		free((char *)k->p[i].problem);
	}
	k->n = 0;
}

void
rejects_free(struct rejects_kept *k)
{
	rejects_clear(k);
	free(k->p);
	k->p = NULL;
	k->cap = 0;
}

int
rejects_write(struct md *md, const struct import_opts *o, const char *sha256,
	      const struct rejects_kept *k, const char *out, int64_t *rows)
{
	struct csvio_info info = { .encoding = o->encoding, .delim = o->delim };
	const struct import_problem *p = k->p;
	size_t n = k->n;
	struct writing w = { .md = md, .p = p, .n = n };
	struct outfile of;
	struct ref *order = calloc(n ? n : 1, sizeof *order);
	int rc;

	*rows = 0;
	if (!order)
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	for (size_t i = 0; i < n; i++)
		order[i] = (struct ref){ p[i].line, i };
	qsort(order, n, sizeof *order, by_line);
	w.order = order;
	if ((rc = csvio_scan(md, o->path, &info)))
		goto out;
	if (sha256 && strcmp(sha256, info.sha256)) {
		rc = md_fail(md, MD_ECONFLICT, _("%s has changed since it was read: check it again"),
			     o->path);
		goto out;
	}
	w.delim = info.delim;
	if ((rc = outfile_open(md, out, NULL, true, &of)))
		goto out;
	w.fp = of.fp;
	rc = csvio_read(md, o->path, &info, on_record, NULL, &w);
	if (rc) {
		outfile_abort(&of);
		goto out;
	}
	if (!(rc = outfile_commit(md, &of)))
		*rows = w.rows;
out:
	free(order);
	return rc;
}
