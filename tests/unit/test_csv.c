/* test_csv.c - the CSV layer: csv-spectrum, line numbers, encodings */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csvio.h"
#include "core/sha256.h"
#include "tap.h"

#define MAXREC 16
#define MAXFLD 8

/* Every record of a file, copied. */
struct got {
	int n;
	int nf[MAXREC];
	int64_t line[MAXREC];
	char *f[MAXREC][MAXFLD];
};

static int
keep(void *arg, const struct csvio_record *r)
{
	struct got *g = arg;
	size_t i;

	if (g->n == MAXREC)
		return MD_OK;
	g->nf[g->n] = (int)r->n;
	g->line[g->n] = r->line;
	for (i = 0; i < r->n && i < MAXFLD; i++)
		g->f[g->n][i] = strdup(r->fields[i]);
	g->n++;
	return MD_OK;
}

static void
got_free(struct got *g)
{
	for (int i = 0; i < g->n; i++)
		for (int j = 0; j < g->nf[i] && j < MAXFLD; j++)
			free(g->f[i][j]);
	memset(g, 0, sizeof *g);
}

static int
read_file(struct md *md, const char *path, enum csvio_encoding enc,
	  struct csvio_info *info, struct got *g)
{
	int rc;

	memset(info, 0, sizeof *info);
	info->encoding = enc;
	memset(g, 0, sizeof *g);
	if ((rc = csvio_scan(md, path, info)))
		return rc;
	return csvio_read(md, path, info, keep, NULL, g);
}

static const char *
write_tmp(const char *bytes, size_t n)
{
	static char path[64];
	FILE *fp;

	strcpy(path, "/tmp/md-csv.XXXXXX");
	close(mkstemp(path));
	fp = fopen(path, "wb");
	fwrite(bytes, 1, n, fp);
	fclose(fp);
	return path;
}

/* A JSON string at *P (after its quote) into OUT. */
static void
json_string(const char **p, char *out)
{
	const char *s = *p;

	while (*s && *s != '"') {
		if (*s == '\\') {
			s++;
			switch (*s) {
			case 'n': *out++ = '\n'; break;
			case 'r': *out++ = '\r'; break;
			case 't': *out++ = '\t'; break;
			case 'u': s += 4; *out++ = '?'; break;
			default: *out++ = *s;
			}
			s++;
		} else {
			*out++ = *s++;
		}
	}
	*out = '\0';
	*p = *s ? s + 1 : s;
}

/* Compare the records of csv-spectrum case NAME with its JSON: an array
 * of objects keyed by the header's fields. */
static void
spectrum_case(struct md *md, const char *dir, const char *name)
{
	char path[1100], *json = NULL, key[256], val[1024];
	struct csvio_info info;
	struct got g;
	const char *p;
	int rec = 0, bad = 0, rc;
	size_t len = 0;
	FILE *fp;

	snprintf(path, sizeof path, "%s/csvs/%s.csv", dir, name);
	rc = read_file(md, path, CSVIO_AUTO, &info, &g);
	if (!ok(rc == MD_OK, "csv-spectrum %s parses", name)) {
		printf("#   %s\n", md->err);
		return;
	}
	if (strcmp(name, "location_coordinates") == 0)	/* the suite's own defect */
		goto out;
	snprintf(path, sizeof path, "%s/json/%s.json", dir, name);
	fp = fopen(path, "r");
	if (!fp || getdelim(&json, &len, '\0', fp) < 0) {
		ok(0, "csv-spectrum %s: read %s", name, path);
		goto out;
	}
	fclose(fp);
	for (p = json; *p; p++) {
		if (*p == '{') {
			rec++;
			continue;
		}
		if (*p != '"')
			continue;
		p++;
		json_string(&p, key);
		while (*p == ' ' || *p == ':')
			p++;
		p++;
		json_string(&p, val);
		p--;
		for (int i = 0; i < g.nf[0]; i++)
			if (strcmp(g.f[0][i], key) == 0 &&
			    (rec >= g.n || i >= g.nf[rec] || strcmp(g.f[rec][i], val))) {
				printf("#   record %d %s: got \"%s\", want \"%s\"\n", rec, key,
				       rec < g.n && i < g.nf[rec] ? g.f[rec][i] : "(none)", val);
				bad++;
			}
	}
	is_int(g.n - 1, rec, "csv-spectrum %s: as many records as the JSON", name);
	ok(bad == 0, "csv-spectrum %s: every field as expected", name);
	free(json);
out:
	got_free(&g);
}

static void
test_spectrum(struct md *md)
{
	static const char *const cases[] = {
		"comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json",
		"location_coordinates", "newlines", "newlines_crlf",
		"quotes_and_newlines", "simple", "simple_crlf", "utf8",
	};
	const char *shared = getenv("SHARED_DATA");
	char dir[512];

	snprintf(dir, sizeof dir, "%s/csv-spectrum", shared ? shared : "");
	if (!shared || access(dir, R_OK) != 0) {
		ok(1, "# SKIP csv-spectrum not found at %s (a user's clone has no shared data)", dir);
		return;
	}
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		spectrum_case(md, dir, cases[i]);
}

static void
test_lines(struct md *md)
{
	static const char data[] =
		"a,b\r\n"		/* 1 */
		"1,\"two\r\nlines\"\r\n"	/* 2 (and what a spreadsheet shows as one row) */
		"\r\n"			/* 3: blank */
		" 3 ,\t4\r\n"		/* 4: spaces kept */
		"5,6";			/* 5: no final line break */
	struct csvio_info info;
	struct got g;

	is_int(read_file(md, write_tmp(data, sizeof data - 1), CSVIO_AUTO, &info, &g),
	       MD_OK, "CRLF file with a quoted line break reads");
	is_int(g.n, 4, "four records, the blank line skipped");
	is_int(g.line[1], 2, "record 2 on row 2");
	is_str(g.f[1][1], "two\r\nlines", "a quoted CRLF stays in the field");
	is_int(g.line[2], 4, "the blank row still counts: next record on row 4");
	is_str(g.f[2][0], " 3 ", "spaces are data at this layer");
	is_str(g.f[2][1], "\t4", "so is a tab");
	is_int(g.line[3], 5, "last record without a line break");
	got_free(&g);

	is_int(read_file(md, write_tmp("a\rb\rc", 5), CSVIO_AUTO, &info, &g), MD_OK,
	       "old Mac CR line endings read");
	is_int(g.n, 3, "three records");
	is_int(g.line[2], 3, "on rows 1-3");
	got_free(&g);
}

static void
test_broken(struct md *md)
{
	struct csvio_info info;
	struct got g;

	is_int(read_file(md, write_tmp("a,b\n12\" pizza,2\n", 16), CSVIO_AUTO, &info, &g),
	       MD_OK, "a quote inside a field that is not quoted is data");
	is_str(g.n == 2 ? g.f[1][0] : "", "12\" pizza", "kept as it is");
	got_free(&g);
	is_int(read_file(md, write_tmp("a,b\n1,2\n3,\"x\"y\n4,5\n", 19), CSVIO_AUTO, &info, &g),
	       MD_EINVAL, "text after a closing quote swallows the file: refused");
	like(md->err, "line 3: a quoted field is never closed", "with the line it opened on");
	got_free(&g);
	is_int(read_file(md, write_tmp("a,b\n1,\"open\n2,3\n", 16), CSVIO_AUTO, &info, &g),
	       MD_EINVAL, "an unclosed quote is refused");
	like(md->err, "line 2: a quoted field is never closed", "with the line it opened on");
	got_free(&g);
}

static void
test_encodings(struct md *md)
{
	/* 姓名,手机\n张三,1 in GBK, Big5 and UTF-8 with a BOM */
	static const char gbk[] = "\xD0\xD5\xC3\xFB,\xCA\xD6\xBB\xFA\n\xD5\xC5\xC8\xFD,1\n";
	static const char big5[] = "\xA9\x6D\xA6\x57;\xA4\xE2\xBE\xF7\n\xB1\x69\xA4\x54;1\n";
	static const char bom[] = "\xEF\xBB\xBF\xE5\xA7\x93\xE5\x90\x8D\tx\n1\t2\n";
	static const char utf16[] = "\xFF\xFE" "a\0,\0b\0\n\0" "1\0,\0" "2\0\n\0";
	struct csvio_info info;
	struct got g;
	enum csvio_encoding enc;

	is_int(read_file(md, write_tmp(gbk, sizeof gbk - 1), CSVIO_AUTO, &info, &g), MD_OK,
	       "a GBK file reads with auto");
	is_int(info.encoding, CSVIO_GB18030, "auto decided GB18030 (not UTF-8)");
	is_str(g.f[0][0], "姓名", "GBK header decoded");
	is_str(g.f[1][0], "张三", "GBK data decoded");
	got_free(&g);

	setenv("LANGUAGE", "zh_TW", 1);
	is_int(read_file(md, write_tmp(big5, sizeof big5 - 1), CSVIO_AUTO, &info, &g), MD_OK,
	       "a Big5 file reads with auto for a zh_TW user");
	is_int(info.encoding, CSVIO_BIG5, "auto decided Big5");
	is_int(info.delim, ';', "semicolons sniffed");
	is_str(g.f[0][0], "姓名", "Big5 header decoded");
	is_str(g.f[1][0], "張三", "Big5 data decoded");
	unsetenv("LANGUAGE");
	got_free(&g);

	is_int(read_file(md, write_tmp(bom, sizeof bom - 1), CSVIO_AUTO, &info, &g), MD_OK,
	       "UTF-8 with a BOM reads");
	ok(info.bom && info.encoding == CSVIO_UTF8, "BOM seen, UTF-8");
	is_int(info.delim, '\t', "tabs sniffed");
	is_str(g.f[0][0], "姓名", "the BOM is not part of the first header");
	got_free(&g);

	is_int(read_file(md, write_tmp(utf16, sizeof utf16 - 1), CSVIO_AUTO, &info, &g), MD_OK,
	       "UTF-16 with a BOM (Excel's Unicode text) reads");
	is_str(g.n == 2 ? g.f[1][1] : "", "2", "UTF-16 decoded");
	got_free(&g);

	is_int(read_file(md, write_tmp(gbk, sizeof gbk - 1), CSVIO_UTF8, &info, &g), MD_EINVAL,
	       "a GBK file said to be UTF-8 is refused");
	like(md->err, "is not valid UTF-8 (line 1)", "with its line");
	like(md->err, "try the encoding gb18030 or big5 (--encoding)", "and a way out");
	got_free(&g);

	is_int(read_file(md, write_tmp("a\n\x81\x30\n", 5), CSVIO_GB18030, &info, &g),
	       MD_EINVAL, "a truncated GB18030 sequence at the end is refused");
	like(md->err, "not valid GB18030", "naming the encoding");
	got_free(&g);

	/* Found by tests/fuzz/fuzz_csv: a UTF-8 BOM overrules the encoding
	 * the user gave, and then the bytes went unchecked. */
	is_int(read_file(md, write_tmp("\xEF\xBB\xBF" "a,b\n\xFF\xFE,1\n", 12), CSVIO_GB18030,
			 &info, &g), MD_EINVAL,
	       "a file said to be GB18030 with a UTF-8 BOM and bytes that are not UTF-8 is refused");
	like(md->err, "is not valid UTF-8 (line 2)", "with the line");
	got_free(&g);

	ok(csvio_encoding_parse("GBK", &enc) && enc == CSVIO_GB18030, "gbk means GB18030");
	ok(!csvio_encoding_parse("latin1", &enc), "latin1 is not offered");
}

/* How often libcsv grew its field buffer (test_big_field). */
static int reallocs;

static void *
counting_realloc(void *p, size_t n)
{
	reallocs++;
	return realloc(p, n);
}

static int
field_len(void *arg, const struct csvio_record *r)
{
	*(size_t *)arg = strlen(r->fields[0]);
	return MD_OK;
}

/* Issue 12, fault 8: libcsv grows a field by its block size, 128 bytes
 * by default, so a 4 MB field cost 31,598 reallocs (each copying all so
 * far).  A sensible block, growing with the buffer, takes a handful. */
static void
test_big_field(struct md *md)
{
	enum { BIG = 4 << 20 };
	struct csvio_info info = { .realloc_fn = counting_realloc };
	char *buf = malloc(BIG + 3);
	const char *path;
	size_t got = 0;

	buf[0] = 'a';
	buf[1] = '\n';
	memset(buf + 2, 'x', BIG);
	buf[BIG + 2] = '\n';
	path = write_tmp(buf, BIG + 3);
	free(buf);
	is_int(csvio_scan(md, path, &info), MD_OK, "a file with a 4 MB field scans");
	is_int(csvio_read(md, path, &info, field_len, NULL, &got), MD_OK, "and reads");
	is_int(got, BIG, "the whole field arrives");
	ok(reallocs > 0 && reallocs < 100, "in fewer than 100 reallocs of libcsv's buffer");
	printf("#   %d reallocs\n", reallocs);
	unlink(path);
}

static void
test_sha(void)
{
	struct sha256 s;
	char hex[65];
	char big[1000];

	sha256_init(&s);
	sha256_update(&s, "abc", 3);
	sha256_hex(&s, hex);
	is_str(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
	       "SHA-256 of abc");
	memset(big, 'a', sizeof big);
	sha256_init(&s);
	for (int i = 0; i < 1000; i += 7)
		sha256_update(&s, big + i, i + 7 <= 1000 ? 7 : 1000 - i);
	sha256_hex(&s, hex);
	{
		char whole[65];
		struct sha256 t;

		sha256_init(&t);
		sha256_update(&t, big, 1000);
		sha256_hex(&t, whole);
		is_str(hex, whole, "SHA-256 fed in pieces equals fed whole");
	}
	sha256_init(&s);
	sha256_update(&s, big, 56);
	sha256_hex(&s, hex);
	is_str(hex, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
	       "SHA-256 across the padding boundary (56 bytes)");
}

/* A row written with WRITE's text mask, as a string. */
static void
written(const char *const *fields, const bool *text, size_t n, const char *want,
	const char *what)
{
	char buf[256] = "";
	FILE *fp = fmemopen(buf, sizeof buf, "w");

	csvio_write_row(fp, fields, text, n, ',', "\n");
	fclose(fp);
	is_str(buf, want, "%s", what);
}

static void
test_formulas(void)
{
	static const bool text[] = {true, true, false};
	const char *row[] = {"=SUM(A1)", "@x", "-5.00"};
	const char *quoted[] = {"'=1", "'abc", "-2"};
	const char *plain[] = {"+1", "\tx", "=x"};

	written(row, text, 3, "'=SUM(A1),'@x,-5.00\n",
		"text that looks like a formula gets a ', a number does not");
	written(quoted, text, 3, "''=1,'abc,-2\n",
		"an apostrophe and a formula get one more; an apostrophe alone none");
	written(plain, NULL, 3, "+1,\tx,=x\n", "no text mask: as it is");
	written((const char *[]){"=a,b", "\rx"}, text, 2, "\"'=a,b\",\"'\rx\"\n",
		"quoted after the ' where needed");
	is_str(csvio_unformula("'=1"), "=1", "the import takes the ' off");
	is_str(csvio_unformula("''=1"), "'=1", "exactly one");
	is_str(csvio_unformula("'abc"), "'abc", "and only before a formula");
	is_str(csvio_unformula("'"), "'", "a lone apostrophe stays");
	is_str(csvio_unformula("-5"), "-5", "a number stays");
}

/* What the reader could not give back before: a record of one empty
 * field (a blank line) and a field that starts with U+FEFF (a BOM). */
static void
test_round_trip(struct md *md)
{
	const char *path = write_tmp("", 0);
	const char *bom[] = {"\xEF\xBB\xBFx", "y"};
	struct csvio_info info;
	static struct got g;
	FILE *fp = fopen(path, "w");

	written((const char *[]){""}, NULL, 1, "\"\"\n", "one empty field is written \"\"");
	written(bom, NULL, 2, "\"\xEF\xBB\xBFx\",y\n", "a field starting with U+FEFF is quoted");
	csvio_write_row(fp, bom, NULL, 2, ',', "\n");
	csvio_write_row(fp, (const char *[]){""}, NULL, 1, ',', "\n");
	csvio_write_row(fp, (const char *[]){"a", "b"}, NULL, 2, ',', "\n");
	fclose(fp);
	ok(read_file(md, path, CSVIO_UTF8, &info, &g) == MD_OK, "written, it reads back");
	is_int(g.n, 3, "  ... three records");
	if (g.n == 3) {
		is_str(g.f[0][0], "\xEF\xBB\xBFx", "  ... the U+FEFF kept in its field");
		ok(g.nf[1] == 1 && !*g.f[1][0], "  ... the one empty field a record");
	}
	got_free(&g);
	unlink(path);
}

int
main(void)
{
	struct md md;

	memset(&md, 0, sizeof md);
	test_spectrum(&md);
	test_lines(&md);
	test_broken(&md);
	test_encodings(&md);
	test_big_field(&md);
	test_sha();
	test_formulas();
	test_round_trip(&md);
	return done_testing();
}
