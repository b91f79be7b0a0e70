/* template.h - record templates: a record as one "Name: value" text to
 * edit (mutt style) and back, driven by one field table per record kind.
 *
 * A record is edited as one text: header lines "Name: value", a blank line,
 * then the Markdown body:
 *
 *     Title: Listening before fixing
 *     Kind: lesson
 *     Tags: listening, empathy
 *     Status: published
 *
 *     body...
 *
 * Headers per record (body field in brackets):
 *     entry    Title*, Kind, Tags, Status                        [body]
 *     topic    Title*, Status                                    [body]
 *     meeting  Title*, Starts*, Ends, Location, Status           [agenda]
 *     member   Name*, Handle, Email, Status, Role, Joined,
 *              Expertise, Interest                               [bio]
 *     note     Kind                                              [body]
 *     assessment  Domain*, Community*, Practice*, Summary        [stories]
 * (* required: an empty value is an error.)  Kind/Status/Role must be one
 * of the values in the record's header (ENTRY_KINDS ...); an empty value
 * leaves the store's default.  Tags, Expertise, Interest are comma
 * separated.  Starts/Ends are shown and read in the viewer's local time
 * ("YYYY-MM-DD HH:MM", TZ; any form time_parse() accepts is read) and
 * stored as UTC ISO; Joined is "YYYY-MM-DD".
 *
 * Parsing rules:
 *   - header names are case-insensitive; values are trimmed; a trailing
 *     '\r' is dropped;
 *   - a header line is NAME ':' followed by a space, a tab or the end of
 *     the line, NAME being letters and '-' (so "http://x" is not one);
 *   - the headers end at the first blank line, which is dropped; if there
 *     is none, the body starts at the first line that is not a header line;
 *   - lines starting with "#!" among the headers are comments, ignored
 *     (templates made with hints=1 use them to list the allowed values);
 *     in the body nothing is special;
 *   - an unknown or repeated header is an error naming its line:
 *     "line 3: unknown header 'Tgas' (expected Title, Kind, Tags, Status)";
 *   - a header that is absent leaves that field of the struct unchanged,
 *     a header present with an empty value clears an optional field
 *     (handle, email, joined, ends become NULL; location ""; tags empty)
 *     but leaves Kind/Status/Role unchanged;
 *   - the body loses trailing blank lines and spaces; it always replaces
 *     the body field;
 *   - parsing is all or nothing: on error the struct is untouched.
 * Parse functions free and replace the strings they set (the structs own
 * their strings, see member.h etc.).
 *
 * Functions return an enum copse_status (COPSE_OK is 0); the parse
 * functions write a one-line message to err (errlen bytes, err may be
 * NULL) when they fail.  No curses, no store.
 */
#ifndef COPSE_TEMPLATE_H
#define COPSE_TEMPLATE_H

#include <stddef.h>

#include "copse/util.h"

struct entry;
struct topic;
struct meeting;
struct member;
struct note;
struct assessment;

/* Append the record as template text to out.  hints=1 adds "#!" comment
 * lines listing the allowed values (handy for a new record).  0 ok,
 * COPSE_NOMEM. */
int template_format_entry(const struct entry *e, int hints, struct buf *out);
int template_format_topic(const struct topic *t, int hints, struct buf *out);
int template_format_meeting(const struct meeting *m, int hints, struct buf *out);
int template_format_member(const struct member *m, int hints, struct buf *out);
int template_format_note(const struct note *n, int hints, struct buf *out);
/* Scores 1-5; the body is the stories, each tagged one a paragraph
 * "applied: text" (after the free text; a new form offers one of each
 * cycle, and those left empty are dropped). */
int template_format_assessment(const struct assessment *a, int hints, struct buf *out);

/* Parse template text into the struct (see "Parsing rules" above).
 * COPSE_INVALID with "line N: ..." in err, or COPSE_NOMEM. */
int template_parse_entry(const char *text, struct entry *e, char *err, size_t errlen);
int template_parse_topic(const char *text, struct topic *t, char *err, size_t errlen);
int template_parse_meeting(const char *text, struct meeting *m, char *err, size_t errlen);
int template_parse_member(const char *text, struct member *m, char *err, size_t errlen);
int template_parse_note(const char *text, struct note *n, char *err, size_t errlen);
int template_parse_assessment(const char *text, struct assessment *a, char *err,
			      size_t errlen);

/* Append one header line "Name: value\n" to b; newlines in value become
 * spaces, so a value can never start a line of its own (drafts use the
 * same lines, see draft.h).  value NULL is "".  0 ok, -1 ENOMEM. */
int template_put_header(struct buf *b, const char *name, const char *value);

#endif
