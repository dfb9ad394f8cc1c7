/* fuzz_csv.c - the CSV reader through its real entry points
 *
 * The input is written to a file and read as an import reads it:
 * csvio_scan (hash, encoding and delimiter sniffing), then csvio_read
 * (libcsv, iconv).  Every input is read as it comes, and once more in a
 * way the sum of its bytes picks: said to be UTF-8, GB18030 or Big5,
 * sniffed for a user of Traditional Chinese, behind a UTF-16 byte order
 * mark, with another delimiter, or behind 64 KiB of rows so that it
 * straddles the reader's chunks.
 *
 * What must hold: a refusal says why; the scan's answers are sane;
 * records come with 1 to 1000 fields of valid UTF-8 on rising lines;
 * progress never passes the size; and what was read, written back with
 * csvio_write_row, reads back as the same records, and written as text
 * (formulas defused with a ') reads back the same through
 * csvio_unformula.
 */
#include <config.h>

#include <unistd.h>

#include "core/csvio.h"
#include "core/text.h"
#include "fuzz.h"

#define CHUNK 65536	/* csvio.c's */

struct rec {
	char **f;
	size_t n;
};

struct got {
	struct rec *r;
	size_t n, cap;
	int64_t last_line;
	int64_t done;
};

static char dir[64], in_path[96], out_path[96];

static void
cleanup(void)
{
	unlink(in_path);
	unlink(out_path);
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	snprintf(dir, sizeof dir, "%s/md-fuzz-csv.XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir))
		abort();
	snprintf(in_path, sizeof in_path, "%s/in.csv", dir);
	snprintf(out_path, sizeof out_path, "%s/out.csv", dir);
	atexit(cleanup);
	return 0;
}

static int
keep(void *arg, const struct csvio_record *r)
{
	struct got *g = arg;
	struct rec *k;

	FUZZ_ASSERT(r->n >= 1 && r->n <= 1000);
	FUZZ_ASSERT(r->line > g->last_line);
	g->last_line = r->line;
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 16;
		if (!(g->r = realloc(g->r, g->cap * sizeof *g->r)))
			abort();
	}
	k = &g->r[g->n++];
	k->n = r->n;
	if (!(k->f = calloc(r->n, sizeof *k->f)))
		abort();
	for (size_t i = 0; i < r->n; i++) {
		FUZZ_ASSERT_S(text_valid_utf8(r->fields[i], strlen(r->fields[i])),
			      r->fields[i]);
		if (!(k->f[i] = strdup(r->fields[i])))
			abort();
	}
	return MD_OK;
}

static void
progress(void *arg, int64_t done, int64_t total)
{
	struct got *g = arg;

	FUZZ_ASSERT(done >= g->done && done <= total);
	g->done = done;
}

static void
got_free(struct got *g)
{
	for (size_t i = 0; i < g->n; i++) {
		for (size_t j = 0; j < g->r[i].n; j++)
			free(g->r[i].f[j]);
		free(g->r[i].f);
	}
	free(g->r);
	memset(g, 0, sizeof *g);
}

static void
put(FILE *fp, const void *p, size_t n)
{
	if (n && fwrite(p, 1, n, fp) != n)
		abort();
}

/* Scan and read PATH as INFO asks; false when it was refused. */
static bool
read_csv(const char *path, struct csvio_info *info, int64_t size, struct got *g)
{
	struct md md;
	char want = info->delim;
	int rc;

	fuzz_md(&md);
	memset(g, 0, sizeof *g);
	if ((rc = csvio_scan(&md, path, info))) {
		fuzz_rejected(&md, rc);
		return false;
	}
	FUZZ_ASSERT(info->size == size);
	FUZZ_ASSERT(strlen(info->sha256) == 64 &&
		    strspn(info->sha256, "0123456789abcdef") == 64);
	FUZZ_ASSERT(info->encoding != CSVIO_AUTO);
	FUZZ_ASSERT(want ? info->delim == want : strchr(",;\t", info->delim) != NULL);
	if ((rc = csvio_read(&md, path, info, keep, progress, g))) {
		fuzz_rejected(&md, rc);
		got_free(g);
		return false;
	}
	return true;
}

/* What was read, written back and read again, is the same; AS_TEXT
 * writes every field as text (a formula gets a ') and undoes that on
 * reading, as export and import do. */
static void
round_trip(const struct got *g, char delim, bool as_text)
{
	static bool text[1000];
	struct csvio_info info = { .encoding = CSVIO_UTF8, .delim = delim };
	struct got back;
	FILE *fp = fopen(out_path, "wb");
	size_t i, j, k;
	long size;

	if (!fp)
		abort();
	memset(text, as_text, sizeof text);
	for (i = 0; i < g->n; i++)
		FUZZ_ASSERT(csvio_write_row(fp, (const char *const *)g->r[i].f,
					    text, g->r[i].n, delim, "\r\n") == 0);
	size = ftell(fp);
	if (fclose(fp) != 0)
		abort();
	FUZZ_ASSERT(read_csv(out_path, &info, size, &back));
	for (i = j = 0; i < g->n; i++) {
		FUZZ_ASSERT(j < back.n);
		FUZZ_ASSERT(back.r[j].n == g->r[i].n);
		for (k = 0; k < g->r[i].n; k++) {
			const char *got = back.r[j].f[k];

			if (as_text)
				got = csvio_unformula(got);
			FUZZ_ASSERT_S(!strcmp(got, g->r[i].f[k]), g->r[i].f[k]);
		}
		j++;
	}
	FUZZ_ASSERT(j == back.n);
	got_free(&back);
}

enum way {
	AS_IS, SAID_UTF8, SAID_GB18030, SAID_BIG5, TRADITIONAL, UTF16_BOM,
	SEMICOLON, TAB, STRADDLING, N_WAYS,
};

/* Write DATA as WAY wants it; returns the file's size. */
static int64_t
write_input(const uint8_t *data, size_t size, enum way way, unsigned sum)
{
	FILE *fp = fopen(in_path, "wb");
	int64_t total = (int64_t)size;

	if (!fp)
		abort();
	if (way == UTF16_BOM) {
		put(fp, "\xFF\xFE", 2);
		total += 2;
	} else if (way == STRADDLING) {
		/* One long row of ASCII, the same in every encoding but UTF-16,
		 * ending a few bytes before the first chunk does. */
		size_t pad = CHUNK - 1 - sum % 61;
		char *row = malloc(pad);

		if (!row)
			abort();
		memset(row, 'p', pad - 1);
		row[pad - 1] = '\n';
		put(fp, row, pad);
		free(row);
		total += (int64_t)pad;
	}
	put(fp, data, size);
	if (fclose(fp) != 0)
		abort();
	return total;
}

static void
one_way(const uint8_t *data, size_t size, enum way way, unsigned sum)
{
	static const enum csvio_encoding said[N_WAYS] = {
		[SAID_UTF8] = CSVIO_UTF8, [SAID_GB18030] = CSVIO_GB18030,
		[SAID_BIG5] = CSVIO_BIG5,
	};
	struct csvio_info info = { .encoding = said[way] };
	struct got g;
	int64_t total = write_input(data, size, way, sum);

	if (way == SEMICOLON)
		info.delim = ';';
	else if (way == TAB)
		info.delim = '\t';
	if (way == TRADITIONAL)
		setenv("LANGUAGE", "zh_TW", 1);
	if (read_csv(in_path, &info, total, &g)) {
		if (way == TRADITIONAL && !info.bom)
			FUZZ_ASSERT(info.encoding == CSVIO_UTF8 ||
				    info.encoding == CSVIO_BIG5);
		round_trip(&g, info.delim, false);
		round_trip(&g, info.delim, true);
		got_free(&g);
	}
	if (way == TRADITIONAL)
		setenv("LANGUAGE", "", 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned sum = 0;
	enum way way;

	for (size_t i = 0; i < size; i++)
		sum += data[i];
	way = (enum way)(sum % N_WAYS);
	one_way(data, size, AS_IS, sum);
	if (way != AS_IS)
		one_way(data, size, way, sum);
	return 0;
}
