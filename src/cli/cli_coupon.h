/* cli_coupon.h - the coupon commands in files of their own */
#ifndef MD_CLI_COUPON_H
#define MD_CLI_COUPON_H

#include "cli/cli.h"
#include "core/coupon.h"

/* coupon rules [list|set|unset|run] (cli_coupon_rules.c) */
int cli_coupon_rules(struct cli *cli, int argc, char **argv);
/* coupon stats CAMPAIGN (cli_coupon_stats.c) */
int cli_coupon_stats(struct cli *cli, int argc, char **argv);
/* coupon slip CODE [--print] (cli_coupon_slip.c) */
int cli_coupon_slip(struct cli *cli, int argc, char **argv);

/* K's slip on the printer (PRINT) or on standard output, WIDTH columns;
 * an exit status. */
int cli_coupon_print_slip(struct cli *cli, const struct coupon *k, int width, bool print);
/* --width as typed: 32 or 48; false (the usage said) otherwise. */
bool cli_slip_width(const char *cmd, const char *arg, int *width);

#endif
