/* template.c - record templates: the field table of each record kind,
 * formatting a record as "Name: value" text and parsing it back in three
 * steps (read the lines, convert the values, commit them).  See
 * template.h. */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "copse/assessment.h"
#include "copse/entry.h"
#include "copse/meeting.h"
#include "copse/member.h"
#include "copse/status.h"
#include "copse/template.h"
#include "copse/topic.h"
#include "copse/util.h"

enum ftype {
	F_TEXT,      /* string, "" when empty */
	F_OPT,       /* string, NULL when empty */
	F_ENUM,      /* one of allowed; empty leaves the field unchanged */
	F_TAGS,      /* struct strv, comma separated */
	F_TIME,      /* ISO UTC stored, local "YYYY-MM-DD HH:MM" shown; NULL when empty */
	F_DATE,      /* YYYY-MM-DD; NULL when empty */
	F_SCORE,     /* an int ASSESS_SCORE_MIN..MAX; 0 (shown empty) when not given */
};

struct field {
	const char *name;
	enum ftype type;
	size_t off;
	const char *const *allowed;
	int required;
};

struct tpl {
	const struct field *fields;
	size_t n;
	size_t body_off;
	const char *hint;      /* more "#!" lines for a new record, or NULL */
};

static const char *const entry_kinds[] = { ENTRY_KINDS, NULL };
static const char *const entry_statuses[] = { ENTRY_STATUSES, NULL };
static const char *const topic_statuses[] = { TOPIC_STATUSES, NULL };
static const char *const meeting_statuses[] = { MEETING_STATUSES, NULL };
static const char *const member_statuses[] = { MEMBER_STATUSES, NULL };
static const char *const member_roles[] = { MEMBER_ROLES, NULL };
static const char *const note_kinds[] = { NOTE_KINDS, NULL };

#define FLD(s, name, type, member, allowed, req) \
	{ name, type, offsetof(struct s, member), allowed, req }

static const struct field entry_fields[] = {
	FLD(entry, "Title", F_TEXT, title, NULL, 1),
	FLD(entry, "Kind", F_ENUM, kind, entry_kinds, 0),
	FLD(entry, "Tags", F_TAGS, tags, NULL, 0),
	FLD(entry, "Status", F_ENUM, status, entry_statuses, 0),
};
static const struct field topic_fields[] = {
	FLD(topic, "Title", F_TEXT, title, NULL, 1),
	FLD(topic, "Status", F_ENUM, status, topic_statuses, 0),
};
static const struct field meeting_fields[] = {
	FLD(meeting, "Title", F_TEXT, title, NULL, 1),
	FLD(meeting, "Starts", F_TIME, starts, NULL, 1),
	FLD(meeting, "Ends", F_TIME, ends, NULL, 0),
	FLD(meeting, "Location", F_TEXT, location, NULL, 0),
	FLD(meeting, "Status", F_ENUM, status, meeting_statuses, 0),
};
static const struct field member_fields[] = {
	FLD(member, "Name", F_TEXT, name, NULL, 1),
	FLD(member, "Handle", F_OPT, handle, NULL, 0),
	FLD(member, "Email", F_OPT, email, NULL, 0),
	FLD(member, "Status", F_ENUM, status, member_statuses, 0),
	FLD(member, "Role", F_ENUM, role, member_roles, 0),
	FLD(member, "Joined", F_DATE, joined, NULL, 0),
	FLD(member, "Expertise", F_TAGS, expertise, NULL, 0),
	FLD(member, "Interest", F_TAGS, interest, NULL, 0),
};
static const struct field note_fields[] = {
	FLD(note, "Kind", F_ENUM, kind, note_kinds, 0),
};
static const struct field assessment_fields[] = {
	FLD(assessment, "Domain", F_SCORE, domain, NULL, 1),
	FLD(assessment, "Community", F_SCORE, community, NULL, 1),
	FLD(assessment, "Practice", F_SCORE, practice, NULL, 1),
	FLD(assessment, "Summary", F_TEXT, summary, NULL, 0),
};

static const struct tpl entry_tpl = { entry_fields, ARRAY_SIZE(entry_fields), offsetof(struct entry, body), NULL };
static const struct tpl topic_tpl = { topic_fields, ARRAY_SIZE(topic_fields), offsetof(struct topic, body), NULL };
static const struct tpl meeting_tpl = { meeting_fields, ARRAY_SIZE(meeting_fields), offsetof(struct meeting, agenda), NULL };
static const struct tpl member_tpl = { member_fields, ARRAY_SIZE(member_fields), offsetof(struct member, bio), NULL };
static const struct tpl note_tpl = { note_fields, ARRAY_SIZE(note_fields), offsetof(struct note, body), NULL };
static const struct tpl assessment_tpl = {
	assessment_fields, ARRAY_SIZE(assessment_fields), offsetof(struct assessment, stories),
	"#! Domain, Community, Practice: how strong each is, 1 (weak) to 5 (strong)\n"
	"#! Value stories: a paragraph that starts with immediate:, potential:,\n"
	"#! applied:, realized: or reframing: is a story of that cycle; the\n"
	"#! rest is kept as told.\n",
};
#define INT_AT(obj, off) ((int *)((char *)(obj) + (off)))

/* Header fields a record kind may have at most: a parse keeps a slot for
 * each.  The largest table is checked here. */
#define MAX_FIELDS 16
_Static_assert(ARRAY_SIZE(member_fields) <= MAX_FIELDS, "member_fields: raise MAX_FIELDS");

#define STR_AT(obj, off) ((char **)((char *)(obj) + (off)))
#define STRV_AT(obj, off) ((struct strv *)((char *)(obj) + (off)))

int template_put_header(struct buf *b, const char *name, const char *value)
{
	if (buf_puts(b, name) || buf_puts(b, ": "))
		return -1;
	for (const char *p = value ? value : ""; *p; p++)
		if (buf_putc(b, (*p == '\n' || *p == '\r') ? ' ' : *p))
			return -1;
	return buf_putc(b, '\n');
}

/* "lesson|story|tool": the values an enum field allows.  0 ok, -1 ENOMEM. */
static int put_allowed(struct buf *out, const char *const *allowed)
{
	for (size_t k = 0; allowed[k]; k++)
		if (buf_printf(out, "%s%s", k ? "|" : "", allowed[k]) != 0)
			return -1;
	return 0;
}

static int format_record(const struct tpl *t, const void *obj, int hints, struct buf *out)
{
	const char *body = *STR_AT(obj, t->body_off);
	size_t blen;

	for (size_t i = 0; i < t->n; i++) {
		const struct field *f = &t->fields[i];
		char *v = NULL, local[64];
		const char *s = NULL;
		int rc;

		switch (f->type) {
		case F_TAGS:
			if (!(v = strv_join(STRV_AT(obj, f->off), ", ")))
				return COPSE_NOMEM;
			s = v;
			break;
		case F_TIME:
			s = *STR_AT(obj, f->off);
			if (s && *s) {
				time_local(s, "%Y-%m-%d %H:%M", local, sizeof local);
				s = local;
			}
			break;
		case F_SCORE:
			local[0] = '\0';
			if (*INT_AT(obj, f->off))
				snprintf(local, sizeof local, "%d", *INT_AT(obj, f->off));
			s = local;
			break;
		default:
			s = *STR_AT(obj, f->off);
			break;
		}
		rc = template_put_header(out, f->name, s);
		free(v);
		if (rc)
			return COPSE_NOMEM;
	}
	if (hints) {
		for (size_t i = 0; i < t->n; i++) {
			const struct field *f = &t->fields[i];
			int rc = 0;

			if (f->allowed) {
				rc = buf_printf(out, "#! %s: ", f->name) ||
				     put_allowed(out, f->allowed) || buf_putc(out, '\n');
			} else if (f->type == F_TAGS) {
				rc = buf_printf(out, "#! %s: comma separated\n", f->name);
			} else if (f->type == F_TIME) {
				rc = buf_printf(out, "#! %s: YYYY-MM-DD HH:MM (local time)\n", f->name);
			} else if (f->type == F_DATE) {
				rc = buf_printf(out, "#! %s: YYYY-MM-DD\n", f->name);
			}
			if (rc)
				return COPSE_NOMEM;
		}
		if (t->hint && buf_puts(out, t->hint))
			return COPSE_NOMEM;
		if (buf_puts(out, "#! Lines starting with #! are ignored; the text after the blank line is Markdown.\n"))
			return COPSE_NOMEM;
	}
	if (buf_putc(out, '\n'))
		return COPSE_NOMEM;
	body = body ? body : "";
	blen = strlen(body);
	if (buf_add(out, body, blen) || (blen && body[blen - 1] != '\n' && buf_putc(out, '\n')))
		return COPSE_NOMEM;
	return COPSE_OK;
}

int template_format_entry(const struct entry *e, int hints, struct buf *out)
{
	return format_record(&entry_tpl, e, hints, out);
}

int template_format_topic(const struct topic *t, int hints, struct buf *out)
{
	return format_record(&topic_tpl, t, hints, out);
}

int template_format_meeting(const struct meeting *m, int hints, struct buf *out)
{
	return format_record(&meeting_tpl, m, hints, out);
}

int template_format_member(const struct member *m, int hints, struct buf *out)
{
	return format_record(&member_tpl, m, hints, out);
}

int template_format_note(const struct note *n, int hints, struct buf *out)
{
	return format_record(&note_tpl, n, hints, out);
}

static int blank_line(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			return 0;
	return 1;
}

/* NAME ':' (space|tab|end) at the start of the line; returns name length. */
static size_t header_name(const char *p, size_t len)
{
	size_t i = 0;

	if (!len || !isalpha((unsigned char)p[0]))
		return 0;
	while (i < len && (isalpha((unsigned char)p[i]) || p[i] == '-'))
		i++;
	if (i >= len || p[i] != ':')
		return 0;
	if (i + 1 < len && p[i + 1] != ' ' && p[i + 1] != '\t' && p[i + 1] != '\r')
		return 0;
	return i;
}

/* The template's header names, "Title, Kind, Tags, Status". */
static void expected_list(const struct tpl *t, char *out, size_t n)
{
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; i < t->n && used < n; i++) {
		int w = snprintf(out + used, n - used, "%s%s", i ? ", " : "", t->fields[i].name);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

/* A template text on its way into a record: what its lines say, then
 * those values converted for the struct.  Everything here is owned by
 * the parse until it is committed. */
struct parsed {
	char *val[MAX_FIELDS];          /* trimmed value as written; NULL if absent */
	int line[MAX_FIELDS];           /* the header's line; 0 if absent */
	char *conv[MAX_FIELDS];         /* converted value (all but F_TAGS) */
	struct strv tags[MAX_FIELDS];   /* converted value of an F_TAGS field */
	const char *body_start;         /* where the body starts in the text */
	char *body;                     /* the body, trailing blanks cut */
};

static void parsed_init(struct parsed *ps)
{
	memset(ps, 0, sizeof *ps);
	for (size_t i = 0; i < MAX_FIELDS; i++)
		strv_init(&ps->tags[i]);
}

static void parsed_done(struct parsed *ps)
{
	for (size_t i = 0; i < MAX_FIELDS; i++) {
		free(ps->val[i]);
		free(ps->conv[i]);
		strv_done(&ps->tags[i]);
	}
	free(ps->body);
}

/* The field a header names (nlen bytes at name), or t->n for none. */
static size_t find_field(const struct tpl *t, const char *name, size_t nlen)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strlen(t->fields[i].name) == nlen && strncasecmp(t->fields[i].name, name, nlen) == 0)
			break;
	return i;
}

/* Step 1, read: split the header lines from the body and note each
 * header's value and line.  Unknown and repeated headers are errors. */
static int read_headers(const struct tpl *t, const char *text, struct parsed *ps,
			char *err, size_t errlen)
{
	const char *p = text ? text : "";
	int lineno = 0;

	while (*p) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p), nlen, i;
		const char *next = e ? e + 1 : p + len;

		lineno++;
		if (blank_line(p, len)) {
			ps->body_start = next;
			return COPSE_OK;
		}
		if (len >= 2 && p[0] == '#' && p[1] == '!') {
			p = next;
			continue;
		}
		if (!(nlen = header_name(p, len))) {
			ps->body_start = p;
			return COPSE_OK;
		}
		if ((i = find_field(t, p, nlen)) == t->n) {
			char exp[200];
			expected_list(t, exp, sizeof exp);
			return err_set(err, errlen, COPSE_INVALID,
				       "line %d: unknown header '%.*s' (expected %s)", lineno, (int)nlen, p, exp);
		}
		if (ps->line[i])
			return err_set(err, errlen, COPSE_INVALID,
				       "line %d: %s given twice (also on line %d)",
				       lineno, t->fields[i].name, ps->line[i]);
		if (!(ps->val[i] = xstrndup(p + nlen + 1, len - nlen - 1)))
			return err_nomem(err, errlen);
		str_trim(ps->val[i]);
		ps->line[i] = lineno;
		p = next;
	}
	ps->body_start = p;
	return COPSE_OK;
}

/* An F_ENUM value: the allowed spelling of v (any case), "" leaving *conv
 * NULL. */
static int convert_enum(const struct field *f, const char *v, int line, char **conv,
			char *err, size_t errlen)
{
	struct buf list;
	size_t k;

	if (!*v)
		return COPSE_OK;
	for (k = 0; f->allowed[k]; k++)
		if (strcasecmp(f->allowed[k], v) == 0)
			return (*conv = xstrdup(f->allowed[k])) ? COPSE_OK : err_nomem(err, errlen);
	buf_init(&list);
	put_allowed(&list, f->allowed);
	err_set(err, errlen, COPSE_INVALID, "line %d: %s '%s': must be one of %s",
		line, f->name, v, list.s ? list.s : "?");
	buf_done(&list);
	return COPSE_INVALID;
}

/* One header's value v (from line) as the struct stores it: a string in
 * *conv, or a list in *tags for F_TAGS. */
static int convert_value(const struct field *f, const char *v, int line, char **conv,
			 struct strv *tags, char *err, size_t errlen)
{
	char ymd[11], iso[ISO_LEN];
	time_t tt;

	if (f->required && !*v)
		return err_set(err, errlen, COPSE_INVALID, "line %d: %s must not be empty",
			       line, f->name);
	switch (f->type) {
	case F_ENUM:
		return convert_enum(f, v, line, conv, err, errlen);
	case F_TAGS:
		return strv_split(tags, v, ',') == 0 ? COPSE_OK : err_nomem(err, errlen);
	case F_TIME:
		if (!*v)
			return COPSE_OK;
		if (time_parse(v, &tt) != 0)
			return err_set(err, errlen, COPSE_INVALID,
				       "line %d: %s '%s': not a date and time (YYYY-MM-DD HH:MM)",
				       line, f->name, v);
		time_iso(tt, iso);
		v = iso;
		break;
	case F_DATE:
		if (!*v)
			return COPSE_OK;
		if (date_parse(v, ymd) != 0)
			return err_set(err, errlen, COPSE_INVALID,
				       "line %d: %s '%s': not a date (YYYY-MM-DD)", line, f->name, v);
		v = ymd;
		break;
	case F_OPT:
		if (!*v)
			return COPSE_OK;
		break;
	case F_SCORE: {
		char *end;
		long k = strtol(v, &end, 10);

		if (end == v || *end || k < ASSESS_SCORE_MIN || k > ASSESS_SCORE_MAX)
			return err_set(err, errlen, COPSE_INVALID, "line %d: %s '%s': must be %d to %d",
				       line, f->name, v, ASSESS_SCORE_MIN, ASSESS_SCORE_MAX);
		break;
	}
	case F_TEXT:
		break;
	}
	return (*conv = xstrdup(v)) ? COPSE_OK : err_nomem(err, errlen);
}

/* Step 2, convert: check every value given and turn it into what the
 * struct stores, and cut the body's trailing blanks.  The record is not
 * touched yet, so an error here changes nothing. */
static int convert_values(const struct tpl *t, struct parsed *ps, char *err, size_t errlen)
{
	size_t blen;
	int rc;

	for (size_t i = 0; i < t->n; i++) {
		if (!ps->line[i])
			continue;
		rc = convert_value(&t->fields[i], ps->val[i], ps->line[i], &ps->conv[i],
				   &ps->tags[i], err, errlen);
		if (rc != COPSE_OK)
			return rc;
	}
	blen = strlen(ps->body_start);
	while (blen && isspace((unsigned char)ps->body_start[blen - 1]))
		blen--;
	if (!(ps->body = xstrndup(ps->body_start, blen)))
		return err_nomem(err, errlen);
	return COPSE_OK;
}

/* Step 3, commit: move the converted values into the record, freeing
 * what they replace.  Absent headers and empty enum values leave their
 * field as it was.  Cannot fail. */
static void commit_values(const struct tpl *t, struct parsed *ps, void *obj)
{
	for (size_t i = 0; i < t->n; i++) {
		const struct field *f = &t->fields[i];

		if (!ps->line[i])
			continue;
		if (f->type == F_TAGS) {
			strv_done(STRV_AT(obj, f->off));
			*STRV_AT(obj, f->off) = ps->tags[i];
			strv_init(&ps->tags[i]);
		} else if (f->type == F_ENUM && !ps->conv[i]) {
			/* empty: leave the field as it was */
		} else if (f->type == F_SCORE) {
			*INT_AT(obj, f->off) = atoi(ps->conv[i]);
		} else {
			free(*STR_AT(obj, f->off));
			*STR_AT(obj, f->off) = ps->conv[i];
			ps->conv[i] = NULL;
		}
	}
	free(*STR_AT(obj, t->body_off));
	*STR_AT(obj, t->body_off) = ps->body;
	ps->body = NULL;
}

static int parse_record(const struct tpl *t, const char *text, void *obj, char *err, size_t errlen)
{
	struct parsed ps;
	int rc;

	parsed_init(&ps);
	rc = read_headers(t, text, &ps, err, errlen);
	if (rc == COPSE_OK)
		rc = convert_values(t, &ps, err, errlen);
	if (rc == COPSE_OK)
		commit_values(t, &ps, obj);
	parsed_done(&ps);
	return rc;
}

int template_parse_entry(const char *text, struct entry *e, char *err, size_t errlen)
{
	return parse_record(&entry_tpl, text, e, err, errlen);
}

int template_parse_topic(const char *text, struct topic *t, char *err, size_t errlen)
{
	return parse_record(&topic_tpl, text, t, err, errlen);
}

int template_parse_meeting(const char *text, struct meeting *m, char *err, size_t errlen)
{
	return parse_record(&meeting_tpl, text, m, err, errlen);
}

int template_parse_member(const char *text, struct member *m, char *err, size_t errlen)
{
	return parse_record(&member_tpl, text, m, err, errlen);
}

int template_parse_note(const char *text, struct note *n, char *err, size_t errlen)
{
	return parse_record(&note_tpl, text, n, err, errlen);
}


int template_format_assessment(const struct assessment *a, int hints, struct buf *out)
{
	size_t before = out->len;
	int rc = format_record(&assessment_tpl, a, hints, out);

	/* the tagged stories after the free ones, one paragraph each; a new
	 * form offers one of each cycle to fill in */
	for (size_t i = 0; rc == COPSE_OK && i < a->nvs; i++)
		if (buf_printf(out, "%s%s: %s\n", out->len > before ? "\n" : "", a->vs[i].cycle,
			       a->vs[i].body) != 0)
			rc = COPSE_NOMEM;
	if (rc == COPSE_OK && hints && !a->nvs) {
		static const char *const cycles[] = { ASSESS_CYCLES };

		for (size_t i = 0; i < ARRAY_SIZE(cycles); i++)
			if (buf_printf(out, "%s%s: \n", i || !str_empty(a->stories) ? "\n" : "",
				       cycles[i]) != 0)
				rc = COPSE_NOMEM;
	}
	return rc;
}

/* The cycle a paragraph starts with ("applied:" any case), or NULL; *rest
 * gets the text after it. */
static const char *story_cycle(const char *p, const char **rest)
{
	static const char *const cycles[] = { ASSESS_CYCLES };

	for (size_t i = 0; i < ARRAY_SIZE(cycles); i++) {
		size_t n = strlen(cycles[i]);

		if (strncasecmp(p, cycles[i], n) == 0 && p[n] == ':') {
			*rest = p + n + 1;
			return cycles[i];
		}
	}
	return NULL;
}

int template_parse_assessment(const char *text, struct assessment *a, char *err, size_t errlen)
{
	struct assessment tmp;
	struct buf free_text;
	const char *p;
	int rc;

	/* parse into a copy: all or nothing */
	assessment_init(&tmp);
	tmp.domain = a->domain;
	tmp.community = a->community;
	tmp.practice = a->practice;
	if ((a->summary && !(tmp.summary = xstrdup(a->summary))))
		return err_nomem(err, errlen);
	if ((rc = parse_record(&assessment_tpl, text, &tmp, err, errlen)) != COPSE_OK) {
		assessment_done(&tmp);
		return rc;
	}
	/* paragraphs: a tagged one is a value story, the rest free text */
	buf_init(&free_text);
	buf_puts(&free_text, "");
	for (p = tmp.stories ? tmp.stories : ""; *p && rc == COPSE_OK;) {
		const char *end = strstr(p, "\n\n"), *rest, *cycle;
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *para = xstrndup(p, len);

		if (!para) {
			rc = err_nomem(err, errlen);
			break;
		}
		if ((cycle = story_cycle(para, &rest)) != NULL) {
			char *body = xstrdup(rest);

			if (!body || (str_trim(body), *body && assessment_add_story(&tmp, cycle, body)))
				rc = err_nomem(err, errlen);
			free(body);
		} else if (!str_empty(para)) {
			if ((free_text.len && buf_puts(&free_text, "\n\n")) || buf_puts(&free_text, para))
				rc = err_nomem(err, errlen);
		}
		free(para);
		p += len;
		while (*p == '\n')
			p++;
	}
	if (rc == COPSE_OK) {
		free(tmp.stories);
		if (!(tmp.stories = buf_steal(&free_text)))
			rc = err_nomem(err, errlen);
	}
	buf_done(&free_text);
	if (rc == COPSE_OK) {
		/* the record's identity stays; the form's fields replace */
		tmp.id = a->id;
		assessment_done(a);
		*a = tmp;
	} else {
		assessment_done(&tmp);
	}
	return rc;
}
