/* escpos.h - raw bytes for a thermal receipt printer (ESC/POS) */
#ifndef MD_ESCPOS_H
#define MD_ESCPOS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/md.h"

/* TEXT (UTF-8, lines ending in \n, N bytes) as a print job for a raw
 * queue: ESC @ to start afresh, FS & for Chinese characters, the text in
 * ENCODING ("gb18030" or "big5"; a character it has no code for prints
 * as ?), a feed and a partial cut (GS V 66 0), and with DRAWER the pulse
 * that opens the cash drawer (ESC p 0 25 250).  MD_EIO on a write
 * error. */
int escpos_write(struct md *md, FILE *fp, const char *text, size_t n,
		 const char *encoding, bool drawer);

#endif
