/* tui_member_edit.c - the edit form of the member on the card
 *
 * (tui_edit.c is the one-line field editor every form uses.) */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "i18n.h"
#include "tui/tui_member_form.h"
#include "tui/tui_screens.h"

enum { E_PHONE, E_NAME, E_BIRTHDAY, E_GENDER, E_TAGS, E_NOTE, E_COUNT };

static const char *const genders[] = {
	N_("unknown"), N_("male"), N_("female"), NULL
};

/* Another member's phone is refused as the CLI refuses it; an empty
 * one is the core's to allow (phone_required). */
static int
check_phone(struct tui *t, struct tui_field *f, void *arg)
{
	const struct member_form *mf = arg;
	char phone[PHONE_MAX], trimmed[64];
	int rc;

	text_trim(f->edit.buf, trimmed, sizeof trimmed);
	if (!*trimmed)
		return MD_OK;
	if ((rc = member_check_phone(t->md, f->edit.buf, phone)))
		return rc;
	return member_check_phone_free(t->md, phone, mf->m.id);
}

/* "VIP;学生" as the form shows it: "VIP, 学生". */
static void
tags_for_form(const char *stored, struct tui_edit *e)
{
	char buf[MEMBER_TAGLIST_MAX * 2];
	size_t o = 0;

	for (; *stored && o + 3 < sizeof buf; stored++) {
		if (*stored == ';') {
			buf[o++] = ',';
			buf[o++] = ' ';
		} else {
			buf[o++] = *stored;
		}
	}
	buf[o] = '\0';
	tui_edit_set(e, buf);
}

static void
edit_init(struct tui *t, struct member_form *f)
{
	struct tui_field *fl = f->fields;

	(void)t;
	fl[E_PHONE] = (struct tui_field){.label = N_("Phone"), .width = 16,
					 .check = check_phone};
	fl[E_NAME] = (struct tui_field){.label = N_("Name"), .width = 34,
					.check = tui_check_name};
	fl[E_BIRTHDAY] = (struct tui_field){.label = N_("Birthday"), .width = 12,
					    .check = tui_check_birthday,
					    .hint = N_("YYYY-MM-DD or MM-DD")};
	fl[E_GENDER] = (struct tui_field){.label = N_("Gender"), .width = 12,
					  .kind = FIELD_CHOICE, .choices = genders,
					  .choice = f->m.gender};
	fl[E_TAGS] = (struct tui_field){.label = N_("Tags"), .width = 30,
					.check = tui_check_tags,
					.hint = N_("separated by commas")};
	fl[E_NOTE] = (struct tui_field){.label = N_("Note"), .width = 50,
					.check = tui_check_note};
	tui_edit_set(&fl[E_PHONE].edit, f->m.phone);
	tui_edit_set(&fl[E_NAME].edit, f->m.name);
	tui_edit_set(&fl[E_BIRTHDAY].edit, f->m.birthday);
	tags_for_form(f->m.tags, &fl[E_TAGS].edit);
	tui_edit_set(&fl[E_NOTE].edit, f->m.note);
	f->form.n = E_COUNT;
}

static int
edit_save(struct tui *t, struct member_form *f, char *msg, size_t n)
{
	char tags[MEMBER_TAGS_MAX][MEMBER_TAG_MAX], name[MEMBER_NAME_MAX];
	const char *tagp[MEMBER_TAGS_MAX];
	struct member_input in = {.tags = tagp};	/* a list: it replaces */
	size_t i;
	int rc;

	in.phone = tui_form_text(&f->form, E_PHONE);
	in.name = tui_form_text(&f->form, E_NAME);
	in.birthday = tui_form_text(&f->form, E_BIRTHDAY);
	in.gender = member_gender_key(f->fields[E_GENDER].choice);
	in.note = tui_form_text(&f->form, E_NOTE);
	if ((rc = member_split_tags(t->md, tui_form_text(&f->form, E_TAGS), tags,
				    &in.ntags)))
		return rc;
	for (i = 0; i < in.ntags; i++)
		tagp[i] = tags[i];
	if ((rc = member_edit(t->md, f->m.card, &in)))
		return rc;
	member_check_name(t->md, in.name, name);
	snprintf(msg, n, _("Saved the changes to %s."), name);
	return MD_OK;
}

static const struct member_form_ops edit_ops = {
	.intro = N_("Change the member's details; an empty field clears it."),
	.cancelled = N_("Edit cancelled: nothing was saved."),
	.init = edit_init,
	.save = edit_save,
};

static const struct tui_screen edit_screen = MEMBER_FORM_SCREEN(N_("Edit member"));

bool
tui_member_edit_open(struct tui *t, int64_t member_id)
{
	return tui_member_form_open(t, member_id, &edit_screen, &edit_ops);
}
