/* csvio.c - reading and writing CSV with libcsv */
#include <config.h>

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/csvio.h"
#include "core/sha256.h"
#include "core/text.h"
#include "i18n.h"

static int
needs_quotes(const char *s, char delim)
{
	size_t n = strlen(s);

	if (n == 0)
		return 0;
	/* A field that starts with U+FEFF would be taken for the file's
	 * byte order mark if it came first. */
	if (s[0] == ' ' || s[n - 1] == ' ' || !strncmp(s, "\xEF\xBB\xBF", 3))
		return 1;
	for (; *s; s++)
		if (*s == delim || *s == '"' || *s == '\n' || *s == '\r')
			return 1;
	return 0;
}

/* Apostrophes are skipped: "'=x" is written "''=x", so that taking one
 * ' off on import gives back exactly what was there. */
bool
csvio_formula_like(const char *s)
{
	while (*s == '\'')
		s++;
	return *s && strchr("=+-@\t\r", *s);
}

const char *
csvio_unformula(const char *s)
{
	return s[0] == '\'' && csvio_formula_like(s + 1) ? s + 1 : s;
}

static int
write_field(FILE *fp, const char *f, char delim)
{
	if (needs_quotes(f, delim))
		return csv_fwrite(fp, f, strlen(f)) != 0 ? -1 : 0;
	return fputs(f, fp) == EOF && *f ? -1 : 0;
}

int
csvio_write_row(FILE *fp, const char *const *fields, const bool *text,
		size_t n, char delim, const char *eol)
{
	size_t i;

	/* One empty field alone would be a blank line, which reads as no
	 * record at all. */
	if (n == 1 && (!fields[0] || !*fields[0]))
		return fputs("\"\"", fp) == EOF || fputs(eol, fp) == EOF ? -1 : 0;
	for (i = 0; i < n; i++) {
		const char *f = fields[i] ? fields[i] : "";
		int rc;

		if (i > 0 && putc(delim, fp) == EOF)
			return -1;
		if (text && text[i] && csvio_formula_like(f)) {
			char *d = malloc(strlen(f) + 2);

			if (!d)
				return -1;
			d[0] = '\'';
			strcpy(d + 1, f);
			rc = write_field(fp, d, delim);
			free(d);
		} else {
			rc = write_field(fp, f, delim);
		}
		if (rc < 0)
			return -1;
	}
	if (fputs(eol, fp) == EOF)
		return -1;
	return ferror(fp) ? -1 : 0;
}

/* Reading ------------------------------------------------------------ */

#define CHUNK 65536
#define MAX_FIELDS 1000
/* What libcsv's field buffer grows by at the least (its own default is
 * 128 bytes); see parse(). */
#define FIELD_BLOCK CHUNK

static const struct {
	const char *name;
	enum csvio_encoding enc;
} encodings[] = {
	{ "auto", CSVIO_AUTO },
	{ "utf-8", CSVIO_UTF8 }, { "utf8", CSVIO_UTF8 },
	{ "gb18030", CSVIO_GB18030 }, { "gbk", CSVIO_GB18030 },
	{ "gb2312", CSVIO_GB18030 }, { "cp936", CSVIO_GB18030 },
	{ "big5", CSVIO_BIG5 }, { "cp950", CSVIO_BIG5 },
	{ "utf-16", CSVIO_UTF16 },
};

bool
csvio_encoding_parse(const char *s, enum csvio_encoding *enc)
{
	size_t i;

	for (i = 0; i < sizeof encodings / sizeof *encodings; i++)
		if (strcasecmp(s, encodings[i].name) == 0) {
			*enc = encodings[i].enc;
			return true;
		}
	return false;
}

const char *
csvio_encoding_name(enum csvio_encoding enc)
{
	switch (enc) {
	case CSVIO_UTF8: return "UTF-8";
	case CSVIO_GB18030: return "GB18030";
	case CSVIO_BIG5: return "BIG5";
	case CSVIO_UTF16: return "UTF-16";
	default: return "auto";
	}
}

/* Traditional Chinese users get Big5 when a file is not UTF-8. */
static bool
traditional_user(void)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_CTYPE", "LANG" };
	size_t i;

	for (i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);

		if (v && *v)
			return strncmp(v, "zh_TW", 5) == 0 || strncmp(v, "zh_HK", 5) == 0;
	}
	return false;
}

/* Validate BUF[0..N) as UTF-8 and return how many bytes at its end are
 * an unfinished sequence to carry into the next chunk; -1 (with *BAD the
 * offset) when invalid.  AT_END: nothing follows, so unfinished is bad. */
static long
utf8_check(const unsigned char *buf, size_t n, bool at_end, size_t *bad)
{
	size_t i = 0, k;
	uint32_t cp;

	while (i < n) {
		if (buf[i] < 0x80) {
			i++;
			continue;
		}
		k = text_decode((const char *)buf + i, n - i, &cp);
		if (k == 0) {
			if (!at_end && text_unfinished((const char *)buf + i, n - i))
				return (long)(n - i);
			*bad = i;
			return -1;
		}
		i += k;
	}
	return 0;
}

/* The delimiter of the first line: the most frequent of , ; and tab
 * outside quotes (a comma on a tie). */
static char
sniff_delim(const unsigned char *buf, size_t n)
{
	size_t i, comma = 0, semi = 0, tab = 0;
	bool quoted = false;

	for (i = 0; i < n; i++) {
		if (buf[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (buf[i] == '\n' || buf[i] == '\r')
			break;
		else if (buf[i] == ',')
			comma++;
		else if (buf[i] == ';')
			semi++;
		else if (buf[i] == '\t')
			tab++;
	}
	if (tab > comma && tab >= semi)
		return '\t';
	if (semi > comma)
		return ';';
	return ',';
}

static int
open_input(struct md *md, const char *path, FILE **fp)
{
	struct stat st;

	*fp = fopen(path, "rb");
	if (!*fp)
		return md_fail(md, MD_EIO, _("cannot read %s: %s"), path, strerror(errno));
	if (fstat(fileno(*fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(*fp);
		*fp = NULL;
		return md_fail(md, MD_EIO, _("cannot read %s: %s"), path,
			       strerror(EISDIR));
	}
	return MD_OK;
}

/* The BOM at the start of BUF, if any: its length and what it says. */
static size_t
bom_of(const unsigned char *buf, size_t n, enum csvio_encoding *enc)
{
	if (n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) {
		*enc = CSVIO_UTF8;
		return 3;
	}
	if (n >= 2 && ((buf[0] == 0xFF && buf[1] == 0xFE) ||
		       (buf[0] == 0xFE && buf[1] == 0xFF))) {
		*enc = CSVIO_UTF16;
		return 2;	/* iconv's "UTF-16" reads it itself */
	}
	return 0;
}

static int
not_utf8(struct md *md, const char *path, int64_t line)
{
	return md_fail(md, MD_EINVAL,
		       _("%s is not valid UTF-8 (line %lld); if it came from Excel, try the encoding gb18030 or big5 (%s)"),
		       path, (long long)line, md_input(md, "--encoding"));
}

int
csvio_scan(struct md *md, const char *path, struct csvio_info *info)
{
	unsigned char *buf;
	struct sha256 sha;
	enum csvio_encoding bom_enc = CSVIO_AUTO;
	bool check_utf8, valid = true;
	size_t n, carry = 0, bad = 0;
	int64_t line = 1;
	FILE *fp;
	int rc;

	if ((rc = open_input(md, path, &fp)))
		return rc;
	if (!(buf = malloc(CHUNK + 4))) {
		fclose(fp);
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	}
	sha256_init(&sha);
	info->size = 0;
	info->bom = false;
	check_utf8 = info->encoding == CSVIO_AUTO || info->encoding == CSVIO_UTF8;
	while ((n = fread(buf + carry, 1, CHUNK, fp)) > 0 || carry) {
		size_t start = 0, total = carry + n;
		long left;

		sha256_update(&sha, buf + carry, n);
		if (info->size == 0 && n > 0) {
			start = bom_of(buf, n, &bom_enc);
			info->bom = start > 0;
			/* A BOM overrules the encoding asked for, and what
			 * it says decides whether to check for UTF-8. */
			if (bom_enc != CSVIO_AUTO) {
				info->encoding = bom_enc;
				check_utf8 = bom_enc == CSVIO_UTF8;
			}
			if (!info->delim)
				info->delim = sniff_delim(buf + start, n - start);
		}
		info->size += (int64_t)n;
		if (!check_utf8 || !valid) {
			carry = 0;
			if (n == 0)
				break;
			continue;
		}
		left = utf8_check(buf + start, total - start, n == 0, &bad);
		if (left < 0) {
			valid = false;
			for (size_t i = start; i < start + bad; i++)
				line += buf[i] == '\n';
			if (info->encoding == CSVIO_UTF8)
				break;
			carry = 0;
			continue;
		}
		for (size_t i = start; i < total - (size_t)left; i++)
			line += buf[i] == '\n';
		memmove(buf, buf + total - left, (size_t)left);
		carry = (size_t)left;
		if (n == 0)
			break;
	}
	if (ferror(fp))
		rc = md_fail(md, MD_EIO, _("cannot read %s: %s"), path, strerror(errno));
	else if (!valid && info->encoding == CSVIO_UTF8)
		rc = not_utf8(md, path, line);
	fclose(fp);
	free(buf);
	if (rc)
		return rc;
	if (info->encoding == CSVIO_AUTO)
		info->encoding = valid ? CSVIO_UTF8 :
			traditional_user() ? CSVIO_BIG5 : CSVIO_GB18030;
	if (!info->delim)
		info->delim = ',';
	sha256_hex(&sha, info->sha256);
	return MD_OK;
}

/* The record being assembled from libcsv's callbacks. */
struct reader {
	struct md *md;
	const char *path;
	csvio_record_cb cb;
	void *arg;
	char *arena;		/* the fields' bytes, each NUL-terminated */
	size_t arena_len, arena_cap;
	size_t offs[MAX_FIELDS];
	char *fields[MAX_FIELDS];
	size_t n;
	int64_t line;		/* rows so far, blank ones included */
	int last_term;		/* what ended the previous record */
	int status;		/* first failure; stops everything */
};

static void
on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;

	if (r->status)
		return;
	if (r->n == MAX_FIELDS) {
		r->status = md_fail(r->md, MD_EINVAL,
				    _("line %lld has more than %d columns"),
				    (long long)r->line + 1, MAX_FIELDS);
		return;
	}
	if (r->arena_len + len + 1 > r->arena_cap) {
		size_t cap = r->arena_cap ? r->arena_cap : 4096;
		char *p;

		while (cap < r->arena_len + len + 1)
			cap *= 2;
		if (!(p = realloc(r->arena, cap))) {
			r->status = md_fail(r->md, MD_ENOMEM, _("out of memory"));
			return;
		}
		r->arena = p;
		r->arena_cap = cap;
	}
	r->offs[r->n++] = r->arena_len;
	if (len)
		memcpy(r->arena + r->arena_len, s, len);
	r->arena_len += len;
	r->arena[r->arena_len++] = '\0';
}

static void
on_record(int term, void *data)
{
	struct reader *r = data;
	struct csvio_record rec;
	size_t i;

	if (r->status)
		return;
	if (r->n == 0) {
		/* CSV_REPALL_NL reports every line break outside a record:
		 * the LF of a CRLF is nothing, any other is a blank row. */
		if (!(term == '\n' && r->last_term == '\r'))
			r->line++;
		r->last_term = term;
		return;
	}
	r->last_term = term;
	for (i = 0; i < r->n; i++)
		r->fields[i] = r->arena + r->offs[i];
	rec.fields = r->fields;
	rec.n = r->n;
	rec.line = ++r->line;
	r->status = r->cb(r->arg, &rec);
	r->n = 0;
	r->arena_len = 0;
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;	/* spaces are data; the importer trims where it should */
}

static int
parse(struct reader *r, struct csv_parser *p, const char *s, size_t n)
{
	size_t have = csv_get_buffer_size(p);

	/* libcsv grows a field's buffer by a fixed block, copying it each
	 * time: a 4 MB field took 31,598 reallocs at 128 bytes.  A block as
	 * large as the buffer makes the growth double, and one at least as
	 * large as what one call parses (S is at most a CHUNK) means at most
	 * one realloc per call. */
	csv_set_blk_size(p, have > FIELD_BLOCK ? have : FIELD_BLOCK);
	if (csv_parse(p, s, n, on_field, on_record, r) != n && !r->status)
		return md_fail(r->md, MD_ENOMEM, _("out of memory"));
	return r->status;
}

/* Convert IN (with *NIN bytes, some maybe carried from before) to UTF-8
 * and parse it; unfinished characters stay at the start of IN. */
static int
decode(struct reader *r, struct csv_parser *p, iconv_t cd, char *in,
       size_t *nin, bool at_end, const char *enc)
{
	char out[CHUNK];
	char *ip = in;
	int rc;

	while (*nin > 0) {
		char *op = out;
		size_t nout = sizeof out;
		size_t res = iconv(cd, &ip, nin, &op, &nout);
		int err = errno;

		if ((rc = parse(r, p, out, sizeof out - nout)))
			return rc;
		if (res != (size_t)-1 || err == E2BIG)
			continue;
		if (err == EINVAL && !at_end)
			break;
		return md_fail(r->md, MD_EINVAL,
			       _("line %lld: bytes that are not valid %s; is the file in another encoding (%s)?"),
			       (long long)r->line + 1, enc, md_input(r->md, "--encoding"));
	}
	memmove(in, ip, *nin);
	return MD_OK;
}

static int
read_loop(struct reader *r, FILE *fp, const struct csvio_info *info,
	  iconv_t cd, struct csv_parser *p, csvio_progress_cb progress)
{
	char *buf;
	size_t n, carry = 0;
	int64_t done = 0;
	int rc = MD_OK;

	if (!(buf = malloc(CHUNK + 16)))
		return md_fail(r->md, MD_ENOMEM, _("out of memory"));
	if (info->encoding == CSVIO_UTF8 && info->bom &&
	    fread(buf, 1, 3, fp) == 3)
		done = 3;
	while (!rc && (n = fread(buf + carry, 1, CHUNK, fp)) > 0) {
		done += (int64_t)n;
		if (cd == (iconv_t)-1) {
			rc = parse(r, p, buf, n);
		} else {
			carry += n;
			rc = decode(r, p, cd, buf, &carry, false,
				    csvio_encoding_name(info->encoding));
		}
		if (progress)
			progress(r->arg, done, info->size);
	}
	if (!rc && ferror(fp))
		rc = md_fail(r->md, MD_EIO, _("cannot read %s: %s"), r->path,
			     strerror(errno));
	if (!rc && carry)
		rc = decode(r, p, cd, buf, &carry, true,
			    csvio_encoding_name(info->encoding));
	/* CSV_STRICT_FINI only works with CSV_STRICT, so look ourselves:
	 * state 2 is libcsv's FIELD_BEGUN. */
	if (!rc && p->pstate == 2 && p->quoted)
		rc = md_fail(r->md, MD_EINVAL,
			     _("line %lld: a quoted field is never closed"),
			     (long long)r->line + 1);
	if (!rc)
		csv_fini(p, on_field, on_record, r);
	if (!rc)
		rc = r->status;
	free(buf);
	return rc;
}

int
csvio_read(struct md *md, const char *path, const struct csvio_info *info,
	   csvio_record_cb cb, csvio_progress_cb progress, void *arg)
{
	struct reader *r;
	struct csv_parser p;
	iconv_t cd = (iconv_t)-1;
	FILE *fp = NULL;
	int rc;

	if (!(r = calloc(1, sizeof *r)))
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	r->md = md;
	r->path = path;
	r->cb = cb;
	r->arg = arg;
	/* Not CSV_STRICT: a quote inside a field that is not quoted (12"
	 * pizza) is data, as Excel reads it.  But a quoted field still open
	 * at the end of the file is refused (read_loop), not taken as the
	 * rest of it. */
	if (csv_init(&p, CSV_REPALL_NL) != 0) {
		free(r);
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	}
	csv_set_delim(&p, (unsigned char)info->delim);
	csv_set_space_func(&p, no_space);
	if (info->realloc_fn)
		csv_set_realloc_func(&p, info->realloc_fn);
	if (info->encoding != CSVIO_UTF8) {
		cd = iconv_open("UTF-8", csvio_encoding_name(info->encoding));
		if (cd == (iconv_t)-1) {
			rc = md_fail(md, MD_EIO, _("cannot convert from %s: %s"),
				     csvio_encoding_name(info->encoding),
				     strerror(errno));
			goto out;
		}
	}
	if ((rc = open_input(md, path, &fp)))
		goto out;
	rc = read_loop(r, fp, info, cd, &p, progress);
out:
	if (fp)
		fclose(fp);
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	csv_free(&p);
	free(r->arena);
	free(r);
	return rc;
}
