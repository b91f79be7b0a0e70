/* demo.c - the demo community "Daily Nonviolent Living": writing the
 * tables of demo-data.c into a new database.
 *
 * What a new user sees first (`copse init --demo`, `make run`): a year-old
 * community of practice with members at every stage, half a year of
 * meetings with minutes and action items, a repertoire of entries that
 * link to each other, and topics with votes.
 *
 * Built only from the store's public verbs - no SQL, no store internals -
 * inside one transaction, so a failure leaves the database as it was.
 * The code walks the tables in order.
 *
 * Dates are days relative to copse_now() (negative = past).  So that the
 * activity log, revisions, "done" times and created/updated stamps look
 * like half a year of real use, each record is written with "now" moved
 * back to when it would have happened: the clock is set (copse_now_set)
 * while the demo is built and reset afterwards, and the acting login
 * (db_set_login) changes so that notes, entries, votes and reports come
 * from different people, and is restored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copse/demo.h"
#include "copse/entry.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/topic.h"
#include "copse/util.h"
#include "demo-data.h"

#define DEMO_NAME "Daily Nonviolent Living"
#define MEETING_HOUR 18         /* meetings start at 18:00 UTC, last 90 minutes */

/* ---- building it ---- */

struct demo {
	struct db *db;
	time_t now, today;          /* copse_now() and 00:00 UTC of its day */
	int oom;
	int64_t *member;            /* ids of demo_members[i] ... */
	int64_t meeting[M_COUNT];
	int64_t *note;              /* ... and of demo_notes[i] */
	int64_t entry[E_COUNT];
};

/* Move "now" to minute `minute` of day `day` (never past the real now). */
static void demo_at(struct demo *d, int day, int minute)
{
	time_t t = d->today + (time_t)day * 86400 + (time_t)minute * 60;

	copse_now_set(t < d->now ? t : d->now);
}

static char *demo_iso(struct demo *d, int day, int minute)
{
	char iso[ISO_LEN];

	time_iso(d->today + (time_t)day * 86400 + (time_t)minute * 60, iso);
	return xstrdup(iso);
}

static char *demo_date(struct demo *d, int day)
{
	char iso[ISO_LEN];

	if (day == NO_DAY)
		return NULL;
	time_iso(d->today + (time_t)day * 86400, iso);
	iso[10] = '\0';
	return xstrdup(iso);
}

/* Owned copy for a model struct; notes allocation failure in d->oom. */
static char *demo_dup(struct demo *d, const char *s)
{
	char *p = xstrdup(s);

	if (s && !p)
		d->oom = 1;
	return p;
}

static void demo_tags(struct demo *d, struct strv *sv, const char *tags)
{
	if (tags && strv_split(sv, tags, ',') != 0)
		d->oom = 1;
}

static int demo_oom(struct demo *d)
{
	return db_fail(d->db, COPSE_NOMEM, "demo community: out of memory");
}

static int demo_member_index(const char *key)
{
	for (size_t i = 0; i < demo_n_members; i++)
		if (strcmp(demo_members[i].key, key) == 0)
			return (int)i;
	return -1;
}

static int demo_member_id(struct demo *d, const char *key, int64_t *id)
{
	int i = demo_member_index(key);

	if (i < 0)
		return db_fail(d->db, COPSE_INVALID, "demo community: no member '%s'", key);
	*id = d->member[i];
	return COPSE_OK;
}

/* Next space-separated word of *s into w (at most n bytes); 0 at the end. */
static int demo_word(const char **s, char *w, size_t n)
{
	const char *p = *s;
	size_t len = 0;

	while (*p == ' ')
		p++;
	if (!*p)
		return 0;
	while (p[len] && p[len] != ' ')
		len++;
	if (len >= n)
		len = n - 1;
	memcpy(w, p, len);
	w[len] = '\0';
	*s = p + len;
	while (**s && **s != ' ')
		(*s)++;
	return 1;
}

static int demo_add_members(struct demo *d)
{
	int status = COPSE_OK;

	db_set_login(d->db, "maren");
	for (size_t i = 0; i < demo_n_members && status == COPSE_OK; i++) {
		const struct demo_member *dm = &demo_members[i];
		struct member m;

		member_init(&m);
		demo_at(d, dm->added, 9 * 60 + (int)i);
		m.name = demo_dup(d, dm->name);
		m.handle = demo_dup(d, dm->handle);
		m.email = demo_dup(d, dm->email);
		m.status = demo_dup(d, dm->status);
		m.role = demo_dup(d, dm->role);
		m.joined = demo_date(d, dm->joined);
		if (dm->joined != NO_DAY && !m.joined)
			d->oom = 1;
		m.bio = demo_dup(d, dm->bio);
		demo_tags(d, &m.expertise, dm->expertise);
		demo_tags(d, &m.interest, dm->interest);
		status = d->oom ? demo_oom(d) : member_add(d->db, &m);
		d->member[i] = m.id;
		if (status == COPSE_OK && dm->later_status) {
			demo_at(d, dm->later_day, 10 * 60);
			free(m.status);
			m.status = demo_dup(d, dm->later_status);
			status = d->oom ? demo_oom(d) : member_update(d->db, &m);
		}
		member_done(&m);
	}
	for (size_t i = 0; i < demo_n_links && status == COPSE_OK; i++) {
		int64_t a, b;

		demo_at(d, demo_links[i].day, 20 * 60);
		if ((status = demo_member_id(d, demo_links[i].a, &a)) == COPSE_OK &&
		    (status = demo_member_id(d, demo_links[i].b, &b)) == COPSE_OK)
			status = member_link(d->db, a, b, demo_links[i].kind, demo_links[i].note,
					     NULL);
	}
	return status;
}

static const struct {
	char prefix;
	const char *status;
} attend_prefixes[] = {
	{ '-', "absent" }, { '+', "accepted" }, { '!', "declined" }, { '?', "invited" },
};

static int demo_attendance(struct demo *d, int mi)
{
	const struct demo_meeting *dm = &demo_meetings[mi];
	const char *s = dm->attendance;
	char w[32];
	int status = COPSE_OK;

	for (int k = 0; status == COPSE_OK && demo_word(&s, w, sizeof w); k++) {
		const char *key = w, *st = "attended", *by = dm->facilitator;
		int64_t id;
		int i;

		for (size_t p = 0; p < ARRAY_SIZE(attend_prefixes); p++)
			if (w[0] == attend_prefixes[p].prefix) {
				st = attend_prefixes[p].status;
				key = w + 1;
			}
		if ((status = demo_member_id(d, key, &id)) != COPSE_OK)
			break;
		if (dm->day < 0) {
			/* The facilitator marks who came, after the meeting. */
			demo_at(d, dm->day, MEETING_HOUR * 60 + 95 + k);
		} else {
			/* Invitations went out yesterday; people answer for
			 * themselves through the morning. */
			i = demo_member_index(key);
			if (strcmp(st, "invited") != 0 && demo_members[i].handle)
				by = demo_members[i].handle;
			demo_at(d, -1, 8 * 60 + 41 * k);
		}
		db_set_login(d->db, by);
		status = attend_set(d->db, d->meeting[mi], id, st);
	}
	return status;
}

static int demo_add_meetings(struct demo *d)
{
	int status = COPSE_OK;

	for (int i = 0; i < M_COUNT && status == COPSE_OK; i++) {
		const struct demo_meeting *dm = &demo_meetings[i];
		struct meeting m;

		meeting_init(&m);
		/* Planned about a week ahead by the facilitator. */
		demo_at(d, dm->day - 8 < -2 ? dm->day - 8 : -2, 21 * 60);
		db_set_login(d->db, dm->facilitator);
		m.title = demo_dup(d, dm->title);
		m.starts = demo_iso(d, dm->day, MEETING_HOUR * 60);
		m.ends = demo_iso(d, dm->day, MEETING_HOUR * 60 + 90);
		if (!m.starts || !m.ends)
			d->oom = 1;
		m.location = demo_dup(d, dm->location);
		m.agenda = demo_dup(d, dm->agenda);
		m.status = demo_dup(d, dm->status);
		status = d->oom ? demo_oom(d) : meeting_add(d->db, &m);
		d->meeting[i] = m.id;
		meeting_done(&m);
		if (status == COPSE_OK)
			status = demo_attendance(d, i);
	}
	return status;
}

/* Minutes: several people type notes during the meeting. */
static int demo_add_notes(struct demo *d)
{
	int status = COPSE_OK;
	int minute = 0, last = NONE;

	for (size_t i = 0; i < demo_n_notes && status == COPSE_OK; i++) {
		const struct demo_note *dn = &demo_notes[i];
		struct note n;

		note_init(&n);
		minute = dn->meeting == last ? minute + 9 : MEETING_HOUR * 60 + 6;
		last = dn->meeting;
		demo_at(d, demo_meetings[dn->meeting].day, minute);
		db_set_login(d->db, dn->author);
		n.meeting_id = d->meeting[dn->meeting];
		n.kind = demo_dup(d, dn->kind);
		n.body = demo_dup(d, dn->body);
		status = d->oom ? demo_oom(d) : note_add(d->db, &n);
		d->note[i] = n.id;
		note_done(&n);
	}
	return status;
}

static int demo_add_actions(struct demo *d)
{
	int status = COPSE_OK;

	for (size_t i = 0; i < demo_n_actions && status == COPSE_OK; i++) {
		const struct demo_action *da = &demo_actions[i];
		const struct demo_meeting *dm = &demo_meetings[da->meeting];
		struct action a;

		action_init(&a);
		demo_at(d, dm->day, MEETING_HOUR * 60 + 85 + (int)i % 5);
		db_set_login(d->db, dm->facilitator);
		a.title = demo_dup(d, da->title);
		a.due = demo_date(d, da->due);
		if (da->due != NO_DAY && !a.due)
			d->oom = 1;
		a.meeting_id = d->meeting[da->meeting];
		status = demo_member_id(d, da->owner, &a.owner_id);
		if (status == COPSE_OK)
			status = d->oom ? demo_oom(d) : action_add(d->db, &a);
		if (status == COPSE_OK && da->done != NO_DAY) {
			/* Ticked off by the owner. */
			demo_at(d, da->done, 19 * 60 + 30);
			db_set_login(d->db, da->owner);
			status = action_set_done(d->db, a.id, 1);
		}
		action_done(&a);
	}
	return status;
}

static int demo_note_index(const char *label)
{
	for (size_t i = 0; i < demo_n_notes; i++)
		if (demo_notes[i].label && strcmp(demo_notes[i].label, label) == 0)
			return (int)i;
	return -1;
}

static int demo_add_entries(struct demo *d)
{
	int status = COPSE_OK;

	for (int i = 0; i < E_COUNT && status == COPSE_OK; i++) {
		const struct demo_entry *de = &demo_entries[i];
		struct entry e;

		entry_init(&e);
		demo_at(d, de->day, 20 * 60 + 30 + i);
		db_set_login(d->db, de->author);
		e.title = demo_dup(d, de->title);
		e.kind = demo_dup(d, de->kind);
		e.body = demo_dup(d, de->body);
		e.status = demo_dup(d, de->status ? de->status : "published");
		demo_tags(d, &e.tags, de->tags);
		if (de->from_note) {
			int n = demo_note_index(de->from_note);

			if (n < 0) {
				entry_done(&e);
				return db_fail(d->db, COPSE_INVALID,
					       "demo community: no note '%s'", de->from_note);
			}
			e.source_note_id = d->note[n];
			e.source_meeting_id = d->meeting[demo_notes[n].meeting];
		}
		status = d->oom ? demo_oom(d) : entry_add(d->db, &e);
		d->entry[i] = e.id;
		entry_done(&e);
	}
	/* Later revisions: read the current version, add a section, save. */
	for (size_t i = 0; i < demo_n_edits && status == COPSE_OK; i++) {
		const struct demo_edit *ed = &demo_edits[i];
		struct entry e;
		struct buf body;

		entry_init(&e);
		demo_at(d, ed->day, 21 * 60 + (int)i);
		db_set_login(d->db, ed->login);
		if ((status = entry_get(d->db, d->entry[ed->entry], &e)) != COPSE_OK) {
			entry_done(&e);
			break;
		}
		buf_init(&body);
		if (buf_puts(&body, e.body) != 0 || buf_puts(&body, "\n") != 0 ||
		    buf_puts(&body, ed->append) != 0)
			d->oom = 1;
		free(e.body);
		e.body = buf_steal(&body);
		if (!e.body)
			d->oom = 1;
		if (ed->tags) {
			strv_done(&e.tags);
			strv_init(&e.tags);
			demo_tags(d, &e.tags, ed->tags);
		}
		status = d->oom ? demo_oom(d) : entry_update(d->db, &e);
		buf_done(&body);
		entry_done(&e);
	}
	for (size_t i = 0; i < demo_n_uses && status == COPSE_OK; i++) {
		demo_at(d, demo_uses[i].day, 21 * 60 + 40);
		db_set_login(d->db, demo_uses[i].login);
		status = entry_use_add(d->db, d->entry[demo_uses[i].entry], demo_uses[i].outcome,
				       NULL);
	}
	for (size_t i = 0; i < demo_n_reads && status == COPSE_OK; i++) {
		demo_at(d, demo_reads[i].day, 7 * 60 + 15);
		db_set_login(d->db, demo_reads[i].login);
		status = entry_mark_read(d->db, d->entry[demo_reads[i].entry]);
	}
	return status;
}

static int demo_add_topics(struct demo *d)
{
	int status = COPSE_OK;

	for (size_t i = 0; i < demo_n_topics && status == COPSE_OK; i++) {
		const struct demo_topic *dt = &demo_topics[i];
		struct topic t;
		const char *s = dt->votes;
		char login[32];
		int k = 0;

		topic_init(&t);
		demo_at(d, dt->day, 12 * 60 + 30);
		db_set_login(d->db, dt->author);
		t.title = demo_dup(d, dt->title);
		t.body = demo_dup(d, dt->body);
		t.status = demo_dup(d, dt->status);
		status = d->oom ? demo_oom(d) : topic_add(d->db, &t);
		for (k = 0; status == COPSE_OK && dt->meetings[k] != NONE; k++)
			status = topic_link_meeting(d->db, t.id, d->meeting[dt->meetings[k]]);
		for (k = 0; status == COPSE_OK && dt->entries[k] != NONE; k++)
			status = topic_link_entry(d->db, t.id, d->entry[dt->entries[k]]);
		/* Votes trickle in over the following days. */
		for (k = 0; status == COPSE_OK && demo_word(&s, login, sizeof login); k++) {
			demo_at(d, dt->day + k, 13 * 60 + 7 * k);
			db_set_login(d->db, login);
			status = topic_vote(d->db, t.id);
		}
		topic_done(&t);
	}
	return status;
}

int demo_populate(struct db *db)
{
	struct demo *d;
	char *login;
	int status;

	d = calloc(1, sizeof *d);
	login = xstrdup(db_login(db));
	if (d) {
		d->member = calloc(demo_n_members, sizeof *d->member);
		d->note = calloc(demo_n_notes, sizeof *d->note);
	}
	if (!d || !login || !d->member || !d->note) {
		status = db_fail(db, COPSE_NOMEM, "demo community: out of memory");
		goto out;
	}
	d->db = db;
	d->now = copse_now();
	d->today = d->now - d->now % 86400;

	if ((status = db_begin(db)) != COPSE_OK)
		goto out;
	if (!db_is_empty(db)) {
		db_rollback(db);
		status = db_fail(db, COPSE_INVALID, "%s: database is not empty; "
				 "the demo community goes into a new database", db_path(db));
		goto out;
	}
	status = db_meta_set(db, "name", DEMO_NAME);
	if (status == COPSE_OK)
		status = demo_add_members(d);
	if (status == COPSE_OK)
		status = demo_add_meetings(d);
	if (status == COPSE_OK)
		status = demo_add_notes(d);
	if (status == COPSE_OK)
		status = demo_add_actions(d);
	if (status == COPSE_OK)
		status = demo_add_entries(d);
	if (status == COPSE_OK)
		status = demo_add_topics(d);
	if (status == COPSE_OK) {
		status = db_commit(db);
	} else {
		char msg[512];

		snprintf(msg, sizeof msg, "%s", db_error(db));
		db_rollback(db);
		db_fail(db, status, "demo community not created: %s", msg);
	}
out:
	if (login)
		db_set_login(db, login);
	copse_now_reset();
	free(login);
	if (d) {
		free(d->member);
		free(d->note);
	}
	free(d);
	return status;
}
