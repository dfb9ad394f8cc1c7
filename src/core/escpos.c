/* escpos.c - ESC/POS, the command language of the cheap thermal printers
 *
 * A raw CUPS queue passes the bytes to the printer untouched, so the
 * job is the printer's own language: a reset, Chinese mode, the
 * receipt in the printer's code page (GB18030 on the mainland, Big5 in
 * Taiwan and Hong Kong), and the cut.  Only the commands every such
 * printer knows are used.
 */
#include <config.h>

#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "core/escpos.h"
#include "core/text.h"
#include "i18n.h"

static const char reset[] = "\x1b\x40";			/* ESC @ */
static const char chinese[] = "\x1c\x26";		/* FS & */
static const char feed[] = "\x1b\x64\x04";		/* ESC d 4: feed 4 lines */
static const char cut[] = "\x1d\x56\x42\x00";		/* GS V 66 0: partial cut */
static const char drawer_pulse[] = "\x1b\x70\x00\x19\xfa";	/* ESC p 0 25 250 */

#define PUT(fp, s) fwrite((s), 1, sizeof (s) - 1, (fp))

/* TEXT converted with CD to FP, ? for what the code page lacks. */
static void
convert(iconv_t cd, FILE *fp, const char *text, size_t n)
{
	char out[1024];

	while (n > 0) {
		char *in = (char *)text, *o = out;
		size_t left = n, room = sizeof out;
		size_t r = iconv(cd, &in, &left, &o, &room);

		fwrite(out, 1, (size_t)(o - out), fp);
		text = in;
		n = left;
		if (r == (size_t)-1 && errno == EILSEQ) {
			uint32_t cp;
			size_t skip = text_decode(text, n, &cp);

			putc('?', fp);
			skip = skip ? skip : 1;
			text += skip;
			n -= skip;
			iconv(cd, NULL, NULL, NULL, NULL);
		} else if (r == (size_t)-1 && errno != E2BIG) {
			putc('?', fp);	/* a cut-off sequence at the end */
			break;
		}
	}
}

int
escpos_write(struct md *md, FILE *fp, const char *text, size_t n,
	     const char *encoding, bool drawer)
{
	iconv_t cd = iconv_open(!strcmp(encoding, "big5") ? "BIG5" : "GB18030", "UTF-8");

	if (cd == (iconv_t)-1)
		return md_fail(md, MD_EIO, _("cannot convert the receipt to %s: %s"),
			       encoding, strerror(errno));
	PUT(fp, reset);
	PUT(fp, chinese);
	convert(cd, fp, text, n);
	iconv_close(cd);
	PUT(fp, feed);
	PUT(fp, cut);
	if (drawer)
		PUT(fp, drawer_pulse);
	if (fflush(fp) != 0 || ferror(fp))
		return md_fail(md, MD_EIO, _("write error"));
	return MD_OK;
}
