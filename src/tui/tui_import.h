/* tui_import.h - what the import form shares with its columns and
 * errors screens
 *
 * The form (tui_import.c) holds the file, its options and what the
 * core said of it: the columns as the import reads them, and the rows
 * the last dry run rejected.  The columns screen changes the field a
 * column is read as; the form reads the columns again after it. */
#ifndef MD_TUI_IMPORT_H
#define MD_TUI_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/import.h"
#include "core/rejects.h"
#include "tui/tui_form.h"
#include "tui/tui_report.h"

/* The fields: the file and how it is read, then what the import does
 * with bad rows, unknown cards, new levels and returns (the options of
 * "memberdesk import"; those of another kind are hidden). */
enum {
	I_KIND, I_FILE, I_ENCODING, I_DELIM, I_DUP, I_BAD, I_TIERS, I_CREATE, I_RETURNS,
	I_COUNT
};

/* How the owner wants a column read: as its header says, ignored, or
 * as field number N - MAP_FIELD of the kind (import_field_key()). */
enum { MAP_HEADER, MAP_IGNORE, MAP_FIELD };

struct tui_import {
	struct tui_form form;		/* first: tui_form_typing() etc. */
	struct tui_field fields[I_COUNT];
	struct tui *t;
	char picked[TUI_EDIT_MAX];	/* what the browser chose, or "" */
	char loaded[2200];		/* the options the columns were read with */
	struct import_columns cols;	/* n == 0 when they could not be */
	int *map;			/* per column: MAP_* */
	size_t nmap;
	struct import_map *maps;	/* what MAP says, for the core */
	size_t nmaps;
	bool checked;			/* a dry run since the last change */
	int check_rc;
	struct import_result res;
	char said[1024];		/* what the last run said */
	struct rejects_kept problems;	/* the last run's, while nothing changed */
	bool running;			/* reading: the progress bar */
	int64_t done, total;
	int shown;			/* the percentage drawn last */
};

/* The options of the form, for the core. */
void tui_import_opts(struct tui_import *im, struct import_opts *o, bool dry_run);
/* Read the columns again (after a change of options or mapping). */
void tui_import_reload(struct tui *t, struct tui_import *im, bool force);

bool tui_import_columns_open(struct tui *t, struct tui_import *im);
bool tui_import_errors_open(struct tui *t, struct tui_import *im);
/* Offer to save the last run's rejected rows beside the file (F8);
 * false when the owner said no (the status line is left empty). */
bool tui_import_save_rejects(struct tui *t, struct tui_import *im);

#endif
