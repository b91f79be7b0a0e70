/* view-home.c - the Home panel: the next meeting, my open actions, what's
 * new since my last visit, recent entries. */
#include <stdlib.h>
#include <string.h>

#include "copse/activity.h"
#include "copse/display.h"
#include "copse/entry.h"
#include "copse/health.h"
#include "copse/keys.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/suggest.h"
#include "copse/view.h"

/* How many overdue actions Home lists before "N more". */
#define HOME_OVERDUE_ROWS 5
/* Suggested introductions and waiting topics Home lists. */
#define HOME_SUGGESTIONS 3
#define HOME_WAITING 3

/* An attendance change ("maren invited meeting Ingrid Solberg: Open
 * practice night", ten of them) reads as what happened to whom: "Ingrid
 * Solberg invited to Open practice night", "10 people invited to Open
 * practice night".  0 if ac is not one. */
static int attendance_row(struct app *a, const struct activity *ac, int more,
			  char *out, size_t n)
{
	static const char *const verbs[][2] = {
		{ "invited", "invited to" }, { "accepted", "accepted" },
		{ "declined", "declined" }, { "attended", "attended" },
		{ "absent", "absent from" },
	};
	const char *phrase = NULL;
	char *title = NULL;
	size_t sl, tl;

	if (strcmp(ac->object, "meeting") != 0 || str_empty(ac->summary))
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(verbs); i++)
		if (strcmp(ac->verb, verbs[i][0]) == 0)
			phrase = verbs[i][1];
	if (!phrase)
		return 0;
	if (meeting_title(a->db, ac->object_id, &title) != COPSE_OK) {
		free(title);
		return 0;
	}
	/* the summary is "NAME: TITLE" */
	sl = strlen(ac->summary);
	tl = strlen(title);
	if (sl < tl + 3 || strcmp(ac->summary + sl - tl, title) != 0 ||
	    strncmp(ac->summary + sl - tl - 2, ": ", 2) != 0) {
		free(title);
		return 0;
	}
	if (more)
		snprintf(out, n, "%d people %s %s", more + 1, phrase, title);
	else
		snprintf(out, n, "%.*s %s %s", (int)(sl - tl - 2), ac->summary, phrase, title);
	free(title);
	return 1;
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
	if (!attendance_row(a, ac, more, left, sizeof left)) {
		snprintf(left, sizeof left, "%s %s %s%s%s", ac->login, ac->verb, ac->object,
			 ac->summary && *ac->summary ? " " : "", ac->summary ? ac->summary : "");
		if (more)
			snprintf(left + strlen(left), sizeof left - strlen(left), " (+%d more)", more);
	}
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

/* Why "My open actions" is empty when no member has the login as handle. */
static int whoami_doc(struct app *a, int64_t id, struct buf *md)
{
	const char *login = db_login(a->db);

	(void)id;
	/* the login goes in bold (escaped) or in code blocks (verbatim) */
	buf_puts(md, "# Who are you here?\n\nYou are logged in as **");
	md_put_text(md, login);
	buf_puts(md, "**, but no member has that handle, so copse cannot tell which"
		 " actions are yours.\n\nGive your member the handle **");
	md_put_text(md, login);
	buf_puts(md, "**: press `2`, select yourself, press `e` and fill in"
		 " *Handle:*, or run\n\n    copse member edit ID --handle ");
	buf_puts(md, login);
	buf_puts(md, "\n\nIf you are not a member yet:\n\n    copse member add NAME --handle ");
	buf_puts(md, login);
	buf_puts(md, "\n");
	return COPSE_OK;
}

static const struct kind_ops kind_whoami = {
	.name = "whoami",
	.scope = KEYS_READER,
	.doc = whoami_doc,
	.shows = CHANGE_MEMBERS,
};

/* "MM-DD" for a date of this year, else the date as it is. */
static void short_date(const char *date, const char *today, char *out, size_t n)
{
	if (date && strlen(date) >= 10 && strncmp(date, today, 5) == 0)
		snprintf(out, n, "%.5s", date + 5);
	else
		snprintf(out, n, "%s", date ? date : "");
}

/* My open actions (the member whose handle is my login), then everyone's
 * overdue ones: what a coordinator chases. */
static int home_actions(struct app *a, struct view *v)
{
	struct action *act = NULL;
	struct action_filter af;
	struct member me;
	size_t na = 0;
	int64_t open = 0, overdue = 0;
	char today[ISO_LEN], day[11], due[16], left[600], title[80];
	const char *login = db_login(a->db);
	int st;

	time_now_iso(today);
	view_add_section(v, "My open actions", 0);
	memset(&me, 0, sizeof me);
	st = member_find(a->db, login, &me);
	member_done(&me);
	if (st == COPSE_NOTFOUND) {
		/* actions belong to members; nothing ties this login to one:
		 * a row whose preview says how to fix it */
		view_add_row(v, "None: no member has your login", NULL,
			     &kind_whoami, 1);
	} else if (st != COPSE_OK) {
		return st;
	} else {
		memset(&af, 0, sizeof af);
		af.open_only = 1;
		af.owner_handle = login;
		st = action_list(a->db, &af, &act, &na);
		if (st != COPSE_OK)
			return st;
		for (size_t i = 0; i < na; i++) {
			short_date(act[i].due, today, due, sizeof due);
			view_add_row(v, act[i].title, due, &kind_action, act[i].id);
		}
		if (!na)
			view_add_section(v, "Nothing open for you", 1);
		action_list_free(act, na);
	}

	/* everyone's overdue ones: counted, and the first few read */
	memset(&af, 0, sizeof af);
	af.open_only = 1;
	if ((st = action_count(a->db, &af, &open)) != COPSE_OK)
		return st;
	snprintf(day, sizeof day, "%.10s", today);
	af.due_before = day;
	if ((st = action_count(a->db, &af, &overdue)) != COPSE_OK)
		return st;
	if (!overdue)
		return COPSE_OK;
	af.limit = HOME_OVERDUE_ROWS;
	act = NULL;
	na = 0;
	if ((st = action_list(a->db, &af, &act, &na)) != COPSE_OK)
		return st;
	snprintf(title, sizeof title, "Overdue actions (%lld of %lld open)",
		 (long long)overdue, (long long)open);
	view_add_section(v, title, 0);
	for (size_t i = 0; i < na; i++) {
		const char *who = !str_empty(act[i].owner_handle) ? act[i].owner_handle
				  : !str_empty(act[i].owner_name) ? act[i].owner_name : "nobody";

		snprintf(left, sizeof left, "%s: %s", who, act[i].title);
		short_date(act[i].due, today, due, sizeof due);
		view_add_row(v, left, due, &kind_action, act[i].id);
	}
	if (overdue > (int64_t)na) {
		snprintf(left, sizeof left, "%lld more: copse action list --open",
			 (long long)(overdue - (int64_t)na));
		view_add_section(v, left, 1);
	}
	action_list_free(act, na);
	return COPSE_OK;
}

/* The best suggested introductions, and the topics waiting longest for a
 * meeting or an entry. */
static int home_people(struct app *a, struct view *v)
{
	struct suggest_filter f = { 0, HOME_SUGGESTIONS, 1 };
	struct suggestion *s = NULL;
	struct health_topic *t = NULL;
	size_t ns = 0, nt = 0;
	char left[600], right[32];
	int st, total = 0;

	if ((st = suggest_list(a->db, &f, &s, &ns)) != COPSE_OK)
		return st;
	if (ns)
		view_add_section(v, "Suggested introductions", 0);
	for (size_t i = 0; i < ns; i++) {
		int64_t id = suggest_pair_id(s[i].a, s[i].b);

		snprintf(left, sizeof left, "%s %s %s", s[i].a_name,
			 display_ascii() ? "<->" : "↔", s[i].b_name);
		if (id)
			view_add_row(v, left, NULL, &kind_suggestion, id);
	}
	suggestion_list_free(s, ns);
	if ((st = health_waiting(a->db, NULL, HOME_WAITING, &t, &nt, &total)) != COPSE_OK)
		return st;
	if (nt) {
		snprintf(left, sizeof left, "Waiting topics (%d)", total);
		view_add_section(v, left, 0);
	}
	for (size_t i = 0; i < nt; i++) {
		snprintf(right, sizeof right, "%d d", t[i].days);
		view_add_row(v, t[i].title, right, &kind_topic, t[i].id);
	}
	health_topic_list_free(t, nt);
	return COPSE_OK;
}

/* i and x on a suggested introduction. */
static int home_request(struct app *a, struct view *v, int req)
{
	const struct row *r = view_selected(v);

	int64_t x, y;
	int st;

	if (req != REQ_INTRODUCE_SUGGESTED && req != REQ_DISMISS)
		return VR_UNHANDLED;
	if (!r || r->kind != &kind_suggestion) {
		app_message(a, "select a suggested introduction first");
		return VR_REDRAW;
	}
	suggest_pair_split(r->id, &x, &y);
	if (req == REQ_INTRODUCE_SUGGESTED)
		return view_introduce(a, x, y, "");
	if (!app_confirm(a, "Dismiss this suggestion for good?"))
		return VR_REDRAW;
	if ((st = suggest_dismiss(a->db, x, y)) != COPSE_OK) {
		app_db_error(a, st);
		return VR_REDRAW;
	}
	app_message(a, "suggestion dismissed");
	return VR_RELOAD;
}

static int home_load(struct app *a, struct view *v)
{
	struct meeting m;
	struct activity *ac = NULL;
	struct entry *e = NULL;
	size_t nac = 0, ne = 0, max_rows = 10;
	char when[32], title[80];
	int st;

	memset(&m, 0, sizeof m);
	st = meeting_next(a->db, &m);
	view_add_section(v, st == COPSE_OK && meeting_is_on(&m, copse_now()) ? "Meeting on now"
			 : "Next meeting", 0);
	if (st == COPSE_OK) {
		view_time(m.starts, when, sizeof when);
		view_add_row(v, m.title, when + (strlen(when) > 5 ? 5 : 0), &kind_meeting, m.id);
	} else if (st == COPSE_NOTFOUND) {
		view_add_section(v, "No meeting planned (3, then a, plans one)", 1);
	} else {
		return st;
	}
	meeting_done(&m);

	st = home_actions(a, v);
	if (st != COPSE_OK)
		return st;

	st = activity_list(a->db, a->previous_visit, 200, &ac, &nac);
	if (st != COPSE_OK)
		return st;
	if (a->previous_visit) {
		view_time(a->previous_visit, when, sizeof when);
		snprintf(title, sizeof title, "New since %s", when);
	} else {
		snprintf(title, sizeof title, "Recent activity");
	}
	if (a->previous_visit && !nac) {
		/* nothing new: say so, and still show what happened lately */
		snprintf(title, sizeof title, "Nothing new since %s", when);
		view_add_section(v, title, 0);
		activity_list_free(ac, nac);
		ac = NULL;
		st = activity_list(a->db, NULL, 50, &ac, &nac);
		if (st != COPSE_OK)
			return st;
		max_rows = 5;
	} else {
		view_add_section(v, title, 0);
	}
	/* the same change to the same thing (ten people invited to one
	 * meeting) is one row, at its latest time */
	for (size_t i = 0, rows = 0; i < nac && rows < max_rows; i++) {
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
		view_add_section(v, "Nothing yet", 1);
	activity_list_free(ac, nac);

	if ((st = home_people(a, v)) != COPSE_OK)
		return st;

	view_add_section(v, "Recent entries", 0);
	st = entry_recent(a->db, 5, &e, &ne);
	if (st != COPSE_OK)
		return st;
	for (size_t i = 0; i < ne; i++)
		view_add_row(v, e[i].title,
			     strcmp(e[i].status, "published") ? e[i].status : e[i].kind,
			     &kind_entry, e[i].id);
	if (!ne)
		view_add_section(v, "No entries yet", 1);
	entry_list_free(e, ne);
	return COPSE_OK;
}

const struct panel_ops panel_home = {
	.name = "Home",
	.load = home_load,
	.add_kind = NULL,
	.scope = KEYS_HOME,
	.key = home_request,
	.empty = "",
};
