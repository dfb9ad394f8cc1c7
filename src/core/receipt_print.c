/* receipt_print.c - a receipt as text, PDF or ESC/POS, and its prints
 *
 * Every print of a receipt is recorded (receipt_prints), so that a
 * receipt printed again says it is a copy, and a copy never opens the
 * cash drawer.
 */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/db.h"
#include "core/db_sql.h"
#include "core/escpos.h"
#include "core/pdf.h"
#include "core/printer.h"
#include "core/receipt.h"
#include "i18n.h"

static const char *const formats[] = {"text", "pdf", "escpos"};

int
receipt_format_parse(struct md *md, const char *what, const char *s, enum receipt_format *f)
{
	size_t i;

	for (i = 0; i < sizeof formats / sizeof *formats; i++)
		if (!strcmp(s, formats[i])) {
			*f = (enum receipt_format)i;
			return MD_OK;
		}
	return md_fail(md, MD_EINVAL, _("%s \"%s\" is not one of text, pdf, escpos"), what, s);
}

/* What the settings say of the receipt printer. */
static int
job_settings(struct md *md, int width, struct receipt_job *j)
{
	char mode[SETTING_MAX];
	int rc;

	memset(j, 0, sizeof *j);
	j->width = width;
	if ((rc = settings_get(md, "shop_name", j->shop)) ||
	    (rc = settings_get(md, "receipt_printer", j->queue)) ||
	    (rc = settings_get(md, "receipt_encoding", j->encoding)) ||
	    (rc = settings_get(md, "receipt_mode", mode)))
		return rc;
	return receipt_format_parse(md, "receipt_mode", mode, &j->mode);
}

int
receipt_job(struct md *md, const struct sale *s, int width, struct receipt_job *j)
{
	int64_t prints;
	bool drawer;
	int rc;

	if ((rc = job_settings(md, width, j)) ||
	    (rc = settings_get_bool(md, "cash_drawer", &drawer)) ||
	    (rc = db_int_arg(md, "SELECT count(*) FROM receipt_prints WHERE sale_id = ?",
			     s->id, &prints)))
		return rc;
	j->copy = prints > 0;
	j->drawer = drawer && !j->copy && !*s->voided_at && !strcmp(s->payment, "cash");
	return MD_OK;
}

/* The receipt as text, in memory (it is short), for the other formats. */
static int
text(struct md *md, const struct sale *s, const struct receipt_job *j, char **buf,
     size_t *n)
{
	FILE *fp = open_memstream(buf, n);

	if (!fp)
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	if (receipt_text(md, fp, s, j->shop, j->width, j->copy) < 0 || fclose(fp) != 0) {
		free(*buf);
		*buf = NULL;
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	}
	return MD_OK;
}

int
receipt_render(struct md *md, FILE *fp, const struct sale *s, const struct receipt_job *j,
	       enum receipt_format f)
{
	char *buf = NULL;
	size_t n = 0;
	int rc;

	if (f == RECEIPT_TEXT)
		return receipt_text(md, fp, s, j->shop, j->width, j->copy) < 0 ?
			md_fail(md, MD_EIO, _("write error")) : MD_OK;
	if ((rc = text(md, s, j, &buf, &n)))
		return rc;
	if (f == RECEIPT_ESCPOS)
		rc = escpos_write(md, fp, buf, n, j->encoding, j->drawer);
	else
		rc = pdf_roll(md, fp, buf, j->width);
	free(buf);
	return rc;
}

static int
record(struct md *md, const struct sale *s, enum receipt_format f)
{
	char at[20];
	struct db_stmt *st;
	int rc;

	clock_timestamp(md, at);
	if ((rc = db_begin(md)))
		return rc;
	if (!(rc = db_stmt(md, "INSERT INTO receipt_prints(sale_id, at, mode, operator)"
			   " VALUES (?, ?, ?, ?)", &st))) {
		db_bind_int(st, 1, s->id);
		db_bind_text(st, 2, at);
		db_bind_text(st, 3, formats[f]);
		db_bind_text(st, 4, md->operator_name);
		rc = db_run(md, st);
	}
	return db_end(md, rc);
}

int
receipt_print_text(struct md *md, const char *buf, size_t n, int width, FILE *out)
{
	struct receipt_job j;
	FILE *tmp;
	int rc;

	if ((rc = job_settings(md, width, &j)))
		return rc;
	if (!(tmp = tmpfile()))
		return md_fail(md, MD_EIO, _("cannot print: %s"), strerror(errno));
	if (j.mode == RECEIPT_ESCPOS)
		rc = escpos_write(md, tmp, buf, n, j.encoding, false);
	else if (j.mode == RECEIPT_PDF)
		rc = pdf_roll(md, tmp, buf, width);
	else if (fwrite(buf, 1, n, tmp) != n)
		rc = md_fail(md, MD_EIO, _("write error"));
	if (!rc)
		rc = printer_send_to(md, tmp, j.queue, out);
	fclose(tmp);
	return rc;
}

int
receipt_print(struct md *md, const struct sale *s, const struct receipt_job *j, FILE *out)
{
	FILE *tmp = tmpfile();
	int rc;

	if (!tmp)
		return md_fail(md, MD_EIO, _("cannot print: %s"), strerror(errno));
	if (!(rc = receipt_render(md, tmp, s, j, j->mode)) &&
	    !(rc = printer_send_to(md, tmp, j->queue, out)))
		rc = record(md, s, j->mode);
	fclose(tmp);
	return rc;
}
