/* printer.h - sending a report, a receipt or a slip to a printer */
#ifndef MD_PRINTER_H
#define MD_PRINTER_H

#include <stdio.h>

#include "core/md.h"

/* Print what FP holds (from its start) on the default printer with
 * lp(1), found on PATH.  MD_EIO with a message people can act on when
 * lp is missing or refuses (most often: no printer is set up).  What lp
 * says on success ("request id is ...") goes to OUT. */
int printer_send(struct md *md, FILE *fp, FILE *out);

/* The same on the CUPS queue QUEUE (lp -d); NULL or "": the default. */
int printer_send_to(struct md *md, FILE *fp, const char *queue, FILE *out);

/* What WRITE (returning <0 on a write error) puts on a temporary file,
 * sent to the printer as printer_send() does. */
int printer_print(struct md *md, int (*write)(FILE *fp, const void *arg), const void *arg,
		  FILE *out);

#endif
