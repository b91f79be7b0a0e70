/* schema.h - the database schema as migration steps (schema.c), private
 * to db.c, which runs them when it opens a database. */
#ifndef COPSE_SCHEMA_H
#define COPSE_SCHEMA_H

/* SQL of step i: schema version i -> i + 1 (several statements). */
extern const char *const schema_steps[];
extern const int schema_nsteps;

#endif
