/* cli_report.h - what the files of "memberdesk report" share */
#ifndef MD_CLI_REPORT_H
#define MD_CLI_REPORT_H

#include "cli/cli.h"
#include "core/date.h"

/* --as-of as typed, or today when S is NULL. */
int cli_report_as_of(struct cli *cli, const char *s, struct date *d);

int cli_report_weekly(struct cli *cli, int argc, char **argv);
int cli_report_birthdays(struct cli *cli, int argc, char **argv);
int cli_report_sales(struct cli *cli, int argc, char **argv);
int cli_report_shift(struct cli *cli, int argc, char **argv);

#endif
