/* minutes.c - a meeting's minutes as Markdown (see minutes.h). */
#include <stdlib.h>
#include <string.h>

#include "copse/md.h"
#include "copse/meeting.h"
#include "copse/minutes.h"

/* Attendance statuses as the minutes name them, in this order. */
static const struct {
	const char *status, *label;
} groups[] = {
	{ "attended", "Present" },
	{ "absent", "Absent" },
	{ "declined", "Declined" },
	{ "accepted", "Accepted, not marked present" },
	{ "invited", "Invited, no answer" },
};

/* "- BODY (author, 18:05)": a body of several lines keeps them,
 * indented under the bullet. */
static int put_line(struct buf *b, const struct note *n)
{
	char when[16];
	int rc = buf_puts(b, "- ");

	for (const char *p = n->body; *p && rc == 0; p++) {
		if (*p == '\n' && !p[1])
			break;
		rc |= buf_putc(b, *p);
		if (*p == '\n')
			rc |= buf_puts(b, "  ");
	}
	time_local(n->created, "%H:%M", when, sizeof when);
	rc |= buf_puts(b, " (");
	md_put_text(b, n->author);
	rc |= buf_printf(b, ", %s)\n", when);
	return rc;
}

/* The notes of one kind under a heading; nothing when there are none.
 * Lines that made an action are in Actions, not again in Notes. */
static int put_notes(struct buf *b, const char *heading, const char *kind,
		     const struct note *v, size_t n, const struct action *acts, size_t nacts)
{
	int rc = 0, any = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		if (strcmp(v[i].kind, kind) != 0 || action_of_note(acts, nacts, v[i].id))
			continue;
		if (!any++)
			rc |= buf_printf(b, "\n## %s\n\n", heading);
		rc |= put_line(b, &v[i]);
	}
	return rc;
}

static int put_attendance(struct buf *b, const struct attendance *v, size_t n)
{
	int rc = 0;

	if (!n)
		return 0;
	rc |= buf_puts(b, "\n## Attendance\n\n");
	for (size_t g = 0; g < ARRAY_SIZE(groups); g++) {
		int k = 0;

		for (size_t i = 0; i < n; i++) {
			if (strcmp(v[i].status, groups[g].status) != 0)
				continue;
			rc |= buf_puts(b, k++ ? ", " : "- ");
			if (k == 1)
				rc |= buf_printf(b, "**%s:** ", groups[g].label);
			md_put_text(b, v[i].name);
		}
		if (k)
			rc |= buf_putc(b, '\n');
	}
	return rc;
}

static int put_actions(struct buf *b, const struct action *v, size_t n)
{
	int rc = 0;

	if (!n)
		return 0;
	rc |= buf_puts(b, "\n## Actions\n\n");
	for (size_t i = 0; i < n; i++) {
		rc |= buf_puts(b, v[i].done ? "- [x] " : "- [ ] ");
		md_put_text(b, v[i].title);
		rc |= buf_puts(b, " (");
		if (v[i].owner_name)
			md_put_text(b, v[i].owner_name);
		else
			rc |= buf_puts(b, "nobody");
		if (v[i].due)
			rc |= buf_printf(b, ", due %s", v[i].due);
		if (v[i].done) {
			char day[16];

			time_local(v[i].done, "%Y-%m-%d", day, sizeof day);
			rc |= buf_printf(b, ", done %s", day);
		}
		rc |= buf_puts(b, ")\n");
	}
	return rc;
}

static int by_id(const void *a, const void *b)
{
	int64_t x = ((const struct action *)a)->id, y = ((const struct action *)b)->id;

	return x < y ? -1 : x > y;
}

int minutes_markdown(struct db *db, int64_t id, struct buf *out)
{
	struct meeting m;
	struct attendance *att = NULL;
	struct note *notes = NULL;
	struct action *acts = NULL;
	struct action_filter af;
	size_t natt = 0, nnotes = 0, nacts = 0;
	char when[32], end[32];
	int status, rc = 0;

	memset(&af, 0, sizeof af);
	af.meeting_id = id;
	if ((status = meeting_get(db, id, &m)) != COPSE_OK)
		return status;
	if ((status = attend_list(db, id, &att, &natt)) != COPSE_OK ||
	    (status = note_list(db, id, &notes, &nnotes)) != COPSE_OK ||
	    (status = action_list(db, &af, &acts, &nacts)) != COPSE_OK)
		goto out;
	/* in the order they were written, like the lines */
	if (nacts > 1)
		qsort(acts, nacts, sizeof *acts, by_id);
	rc |= buf_puts(out, "# ");
	md_put_text(out, m.title);
	time_local(m.starts, "%Y-%m-%d %H:%M", when, sizeof when);
	rc |= buf_printf(out, "\n\n%s", when);
	if (m.ends) {
		/* the same day: only the time */
		time_local(m.ends, "%Y-%m-%d %H:%M", end, sizeof end);
		rc |= buf_printf(out, " to %s", strncmp(end, when, 11) == 0 ? end + 11 : end);
	}
	if (!str_empty(m.location)) {
		rc |= buf_puts(out, ", ");
		md_put_text(out, m.location);
	}
	rc |= buf_printf(out, " (%s)\n", m.status);
	if (!str_empty(m.agenda)) {
		/* an agenda that starts with its own "## Agenda" says it once */
		const char *ag = md_skip_heading(m.agenda, "Agenda");
		size_t len = strlen(ag);

		rc |= buf_puts(out, "\n## Agenda\n\n");
		rc |= buf_puts(out, ag + strspn(ag, "\n"));
		if (len && ag[len - 1] != '\n')
			rc |= buf_putc(out, '\n');
	}
	rc |= put_attendance(out, att, natt);
	rc |= put_notes(out, "Decisions", "decision", notes, nnotes, acts, nacts);
	rc |= put_actions(out, acts, nacts);
	rc |= put_notes(out, "Questions", "question", notes, nnotes, acts, nacts);
	rc |= put_notes(out, "Notes", "note", notes, nnotes, acts, nacts);
	if (rc)
		status = db_fail(db, COPSE_NOMEM, "out of memory");
out:
	meeting_done(&m);
	attendance_list_free(att, natt);
	note_list_free(notes, nnotes);
	action_list_free(acts, nacts);
	return status;
}
