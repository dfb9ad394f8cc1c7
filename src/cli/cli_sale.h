/* cli_sale.h - what the files of "memberdesk sale" share */
#ifndef MD_CLI_SALE_H
#define MD_CLI_SALE_H

#include "cli/cli.h"
#include "core/sale.h"

/* --width as typed: 32 or 48; false after a usage message. */
bool cli_sale_width(const char *cmd, const char *arg, int *width);

/* "sale receipt" (cli_sale_receipt.c). */
int cli_sale_receipt(struct cli *cli, int argc, char **argv);

/* After a sale: its receipt on the receipt printer when receipt_autoprint
 * says so.  A printer that fails leaves the sale as it is, and the
 * message says how to print it again. */
int cli_sale_autoprint(struct cli *cli, const struct sale *s, int width);

#endif
