/* view-home.c - the Home panel: the next meeting, my open actions, what's
 * new since my last visit, recent entries.  Also kind_by_name(). */
#include <stdlib.h>
#include <string.h>

#include "copse/activity.h"
#include "copse/entry.h"
#include "copse/meeting.h"
#include "copse/view.h"

const struct kind_ops *kind_by_name(const char *name)
{
	static const struct kind_ops *const kinds[] = {
		&kind_member, &kind_meeting, &kind_entry, &kind_topic,
		&kind_action, &kind_health,
	};

	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		if (strcmp(kinds[i]->name, name) == 0)
			return kinds[i];
	return NULL;
}

static int by_updated_desc(const void *x, const void *y)
{
	const struct entry *a = x, *b = y;
	int c = strcmp(b->updated, a->updated);

	return c ? c : (a->id < b->id) - (a->id > b->id);
}

static void add_activity(struct app *a, struct view *v, const struct activity *ac,
			 int more)
{
	const struct kind_ops *k = kind_by_name(ac->object);
	int64_t id = ac->object_id;
	char left[600], when[32], day[8];

	if (strcmp(ac->object, "note") == 0 || strcmp(ac->object, "attendance") == 0) {
		/* a note: open its meeting */
		struct note n;

		memset(&n, 0, sizeof n);
		k = NULL;
		if (strcmp(ac->object, "note") == 0 && note_get(a->db, id, &n) == COPSE_OK) {
			k = &kind_meeting;
			id = n.meeting_id;
		}
		note_done(&n);
	}
	snprintf(left, sizeof left, "%s %s %s%s%s", ac->login, ac->verb, ac->object,
		 ac->summary && *ac->summary ? " " : "", ac->summary ? ac->summary : "");
	if (more)
		snprintf(left + strlen(left), sizeof left - strlen(left), " (+%d more)", more);
	view_time(ac->at, when, sizeof when);
	if (strlen(when) >= 10)
		snprintf(day, sizeof day, "%.5s", when + 5);    /* "MM-DD" */
	else
		day[0] = '\0';
	view_add_row(v, left, day, k, k ? id : 0);
}

static int same_change(const struct activity *x, const struct activity *y)
{
	return strcmp(x->verb, y->verb) == 0 && strcmp(x->object, y->object) == 0 &&
	       x->object_id == y->object_id && x->object_id != 0;
}

static int home_load(struct app *a, struct view *v)
{
	struct meeting m;
	struct action *act = NULL;
	struct action_filter af;
	struct activity *ac = NULL;
	struct entry *e = NULL;
	size_t na = 0, nac = 0, ne = 0;
	char when[32], title[80];
	int st;

	view_add_section(v, "Next meeting", 0);
	memset(&m, 0, sizeof m);
	st = meeting_next(a->db, &m);
	if (st == COPSE_OK) {
		view_time(m.starts, when, sizeof when);
		view_add_row(v, m.title, when + (strlen(when) > 5 ? 5 : 0), &kind_meeting, m.id);
	} else if (st == COPSE_NOTFOUND) {
		view_add_section(v, "No meeting planned (3, then a, plans one)", 1);
	} else {
		return st;
	}
	meeting_done(&m);

	view_add_section(v, "My open actions", 0);
	memset(&af, 0, sizeof af);
	af.open_only = 1;
	af.owner_handle = db_login(a->db);
	st = action_list(a->db, &af, &act, &na);
	if (st != COPSE_OK)
		return st;
	for (size_t i = 0; i < na; i++)
		view_add_row(v, act[i].title, act[i].due ? act[i].due : "", &kind_action,
			     act[i].id);
	if (!na)
		view_add_section(v, "Nothing open for you", 1);
	action_list_free(act, na);

	if (a->previous_visit) {
		view_time(a->previous_visit, when, sizeof when);
		snprintf(title, sizeof title, "New since %s", when);
	} else {
		snprintf(title, sizeof title, "Recent activity");
	}
	view_add_section(v, title, 0);
	st = activity_list(a->db, a->previous_visit, 200, &ac, &nac);
	if (st != COPSE_OK)
		return st;
	/* the same change to the same thing (ten people invited to one
	 * meeting) is one row, at its latest time */
	for (size_t i = 0, rows = 0; i < nac && rows < 10; i++) {
		int dup = 0, more = 0;

		for (size_t j = 0; j < i && !dup; j++)
			dup = same_change(&ac[i], &ac[j]);
		if (dup)
			continue;
		for (size_t j = i + 1; j < nac; j++)
			more += same_change(&ac[i], &ac[j]);
		add_activity(a, v, &ac[i], more);
		rows++;
	}
	if (!nac)
		view_add_section(v, "Nothing new", 1);
	activity_list_free(ac, nac);

	view_add_section(v, "Recent entries", 0);
	st = entry_list(a->db, NULL, &e, &ne);
	if (st != COPSE_OK)
		return st;
	qsort(e, ne, sizeof *e, by_updated_desc);
	for (size_t i = 0; i < ne && i < 5; i++)
		view_add_row(v, e[i].title, e[i].kind, &kind_entry, e[i].id);
	if (!ne)
		view_add_section(v, "No entries yet", 1);
	entry_list_free(e, ne);
	return COPSE_OK;
}

const struct panel_ops panel_home = {
	.name = "Home",
	.load = home_load,
	.add_kind = NULL,
	.empty = "",
};
