/* view-floor-log.c - the keys of the meeting floor's log, on the
 * selected line or the meeting: Space marks an attendee present or absent
 * and an action done, Enter opens a member or action, e edits (a minutes
 * line in the editor, an action on the input line), d deletes after a y/n
 * naming it (u undoes), R answers my invitation, i invites, m marks lines
 * for harvest and M harvests them into a draft entry.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/db.h"
#include "copse/entry.h"
#include "copse/keys.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/view.h"

#include "view-floor-priv.h"

static const struct block *selected(const struct floor *f)
{
	if (f->sel < 0 || f->sel >= (int)f->nblocks)
		return NULL;
	return &f->blocks[f->sel];
}

static int toggle(struct app *a, struct floor *f)
{
	const struct block *b = selected(f);
	int st;

	if (b && b->item == IT_ATTENDEE) {
		const char *now = strcmp(b->at->status, "attended") == 0 ? "absent" : "attended";
		char *name = xstrdup(b->at->name);

		st = attend_set(a->db, f->id, b->id, now);
		if (st != COPSE_OK) {
			app_db_error(a, st);
			free(name);
			return VR_REDRAW;
		}
		app_message(a, "%s: %s", name ? name : "member", now);
		free(name);
		return VR_RELOAD;
	}
	if (b && b->act) {
		int64_t id = b->act->id;
		int done = b->act->done == NULL;

		st = action_set_done(a->db, id, done);
		if (st != COPSE_OK) {
			app_db_error(a, st);
			return VR_REDRAW;
		}
		app_message(a, "action %lld %s", (long long)id, done ? "done" : "open again");
		return VR_RELOAD;
	}
	app_message(a, "Space marks an attendee present or absent, an action done or open");
	return VR_REDRAW;
}

static int open_selected(struct app *a, struct floor *f)
{
	const struct block *b = selected(f);

	if (b && b->item == IT_ATTENDEE) {
		app_open(a, &kind_member, b->id);
		return VR_REDRAW;
	}
	if (b && b->act) {
		app_open(a, &kind_action, b->act->id);
		return VR_REDRAW;
	}
	app_message(a, "Enter opens the selected member or action");
	return VR_REDRAW;
}

static int edit_selected(struct app *a, struct view *v)
{
	struct floor *f = v->priv;
	const struct block *b = selected(f);

	if (f->err) {
		app_error(a, "%s", f->err);
		return VR_REDRAW;
	}
	/* an action, or the minutes line that gave it: on the input line */
	if (b && b->act)
		return floor_edit_action(a, v, b->act->id);
	if (b && b->item == IT_NOTE)
		return view_rec_edit(a, &kind_note, b->id);
	if (b && b->item == IT_ATTENDEE) {
		app_message(a, "Space marks %s present or absent", b->at->name);
		return VR_REDRAW;
	}
	if (b && b->item == IT_MEETING)
		return view_rec_edit(a, &kind_meeting, f->id);
	app_message(a, "select a line with j/k first (the title: the meeting itself);"
		    " a types a line");
	return VR_REDRAW;
}

/* d: a minutes line (with the action it gave) or an action goes to the
 * trash after a y/n naming it; u brings it back. */
static int delete_selected(struct app *a, struct floor *f)
{
	const struct block *b = selected(f);

	if (b && b->item == IT_NOTE)
		return view_confirm_trash(a, "note", b->id, note_delete);
	if (b && b->item == IT_ACTION)
		return view_confirm_trash(a, "action", b->id, action_delete);
	app_message(a, b && b->item == IT_ATTENDEE ? "Space marks an attendee present or absent"
		    : "select a line of the minutes to delete it (the meeting: in the Meetings list)");
	return VR_REDRAW;
}

/* m: mark the selected minutes line for harvest, or unmark it. */
static int mark_selected(struct app *a, struct floor *f)
{
	const struct block *b = selected(f);

	if (!b || b->item != IT_NOTE) {
		app_message(a, "select a line of the minutes to mark it for harvest");
		return VR_REDRAW;
	}
	for (size_t i = 0; i < f->nmarked; i++)
		if (f->marked[i] == b->id) {
			f->marked[i] = f->marked[--f->nmarked];
			f->w = 0;
			app_message(a, "%zu line%s marked for harvest", f->nmarked,
				    f->nmarked == 1 ? "" : "s");
			return VR_REDRAW;
		}
	if (f->nmarked == f->capmarked) {
		size_t cap = f->capmarked ? f->capmarked * 2 : 8;
		int64_t *v = realloc(f->marked, cap * sizeof *v);

		if (!v)
			return VR_REDRAW;
		f->marked = v;
		f->capmarked = cap;
	}
	f->marked[f->nmarked++] = b->id;
	f->w = 0;
	app_message(a, "%zu line%s marked: M harvests them into a draft entry", f->nmarked,
		    f->nmarked == 1 ? "" : "s");
	return VR_REDRAW;
}

/* M: the marked lines (else the selected one) become a draft entry that
 * remembers them; the reader opens on it. */
static int harvest_marked(struct app *a, struct floor *f)
{
	const struct block *b = selected(f);
	int64_t id = 0, one;
	const int64_t *notes = f->marked;
	size_t n = f->nmarked;
	char title[256] = "";
	int st;

	if (!n && b && b->item == IT_NOTE) {
		one = b->id;
		notes = &one;
		n = 1;
	}
	if (!n) {
		app_message(a, "mark lines with m first, then M harvests them");
		return VR_REDRAW;
	}
	if (!app_prompt(a, "Title of the draft (Enter: the first line's): ", title, sizeof title,
			NULL, NULL)) {
		app_message(a, "nothing harvested");
		return VR_REDRAW;
	}
	if ((st = entry_harvest(a->db, f->id, notes, n, title, &id)) != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	f->nmarked = 0;
	f->w = 0;
	app_message(a, "draft entry %lld harvested from %zu line%s: e edits it", (long long)id, n,
		    n == 1 ? "" : "s");
	app_open(a, &kind_entry, id);
	return VR_RELOAD;
}

/* R: my answer to my invitation. */
static int rsvp(struct app *a, struct floor *f)
{
	struct member me;
	char q[400];
	const char *answer;
	int st, key;

	member_init(&me);
	st = member_find(a->db, db_login(a->db), &me);
	if (st != COPSE_OK) {
		if (st == COPSE_NOTFOUND)
			app_error(a, "no member has your login (%s) as handle, so there is no"
				  " invitation of yours to answer", db_login(a->db));
		else
			app_db_error(a, st);
		member_done(&me);
		return VR_REDRAW;
	}
	/* present or absent is what happened, not an answer to change: a
	 * stray R, then the a that goes back to typing, must not undo it */
	for (size_t i = 0; i < f->nat; i++) {
		const char *was = f->at[i].status;

		if (f->at[i].member_id != me.id ||
		    (strcmp(was, "attended") != 0 && strcmp(was, "absent") != 0))
			continue;
		app_message(a, "you are marked %s here: Space on your line changes that", was);
		member_done(&me);
		return VR_REDRAW;
	}
	snprintf(q, sizeof q, "Answer '%s': a accept, d decline (other keys: no change) ",
		 f->m.title);
	key = app_ask_key(a, q);
	answer = key == 'a' ? "accepted" : key == 'd' ? "declined" : NULL;
	if (!answer) {
		if (!a->quit)
			app_message(a, "nothing changed");
		member_done(&me);
		return VR_REDRAW;
	}
	st = attend_set(a->db, f->id, me.id, answer);
	if (st == COPSE_OK)
		app_message(a, "you %s", answer);
	else
		app_db_error(a, st);
	member_done(&me);
	return st == COPSE_OK ? VR_RELOAD : VR_REDRAW;
}

/* i: invite members by handle or id, all or none.  Someone alumni (no
 * longer active) is named first, and only y invites them. */
static int invite(struct app *a, struct floor *f)
{
	char line[512] = "", q[400];
	struct strv keys;
	struct buf alumni;
	int64_t *ids;
	size_t n = 0, nalumni = 0;
	int st = COPSE_OK, added = 0, cancelled = 0;

	if (!app_prompt(a, "Invite (handles, comma-separated): ", line, sizeof line, NULL, NULL) ||
	    str_empty(line)) {
		if (!a->quit)
			app_message(a, "nobody invited");
		return VR_REDRAW;
	}
	strv_init(&keys);
	strv_split(&keys, line, ',');
	if (!(ids = calloc(keys.n ? keys.n : 1, sizeof *ids))) {
		strv_done(&keys);
		app_error(a, "out of memory");
		return VR_REDRAW;
	}
	buf_init(&alumni);
	/* who they are, before anything is written */
	for (size_t i = 0; i < keys.n && st == COPSE_OK; i++) {
		struct member m;
		int known = 0;

		member_init(&m);
		st = member_find(a->db, keys.v[i], &m);
		for (size_t j = 0; st == COPSE_OK && j < f->nat; j++)
			known |= f->at[j].member_id == m.id;
		for (size_t j = 0; st == COPSE_OK && j < n; j++)
			known |= ids[j] == m.id;
		/* someone already on the list keeps their answer */
		if (st == COPSE_OK && !known) {
			ids[n++] = m.id;
			if (strcmp(m.status, "alumni") == 0)
				buf_printf(&alumni, "%s%s", nalumni++ ? ", " : "", m.name);
		}
		member_done(&m);
	}
	strv_done(&keys);
	if (st == COPSE_OK && nalumni) {
		snprintf(q, sizeof q, "%s %s alumni (no longer active): invite anyway?",
			 alumni.s ? alumni.s : "", nalumni > 1 ? "are" : "is");
		if (!app_confirm(a, q)) {
			if (!a->quit)
				app_message(a, "nobody invited");
			cancelled = 1;
		}
	}
	buf_done(&alumni);
	if (st == COPSE_OK && !cancelled && n && (st = db_begin(a->db)) == COPSE_OK) {
		for (size_t i = 0; i < n && st == COPSE_OK; i++)
			if ((st = attend_set(a->db, f->id, ids[i], "invited")) == COPSE_OK)
				added++;
		if (st == COPSE_OK)
			st = db_commit(a->db);
		else
			db_rollback(a->db);
	}
	free(ids);
	if (cancelled)
		return VR_REDRAW;
	if (st != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	app_message(a, added ? "%d invited" : "all of them were on the list already", added);
	return VR_RELOAD;
}

int floor_log_key(struct app *a, struct view *v, int req)
{
	struct floor *f = v->priv;

	switch (req) {
	case REQ_LOG_TOGGLE:
		return toggle(a, f);
	case REQ_LOG_OPEN:
		return open_selected(a, f);
	case REQ_LOG_EDIT:
		return edit_selected(a, v);
	case REQ_LOG_DELETE:
		return delete_selected(a, f);
	case REQ_RSVP:
		return f->err ? VR_NONE : rsvp(a, f);
	case REQ_INVITE:
		return f->err ? VR_NONE : invite(a, f);
	case REQ_MARK:
		return f->err ? VR_NONE : mark_selected(a, f);
	case REQ_HARVEST:
		return f->err ? VR_NONE : harvest_marked(a, f);
	default:
		return VR_UNHANDLED;
	}
}
