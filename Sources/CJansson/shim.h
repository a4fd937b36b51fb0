#ifndef BANENMATCH_CJANSSON_SHIM_H
#define BANENMATCH_CJANSSON_SHIM_H
#include <jansson.h>

// Function-like macros of jansson.h are not imported into Swift; these wrap the ones we use.
static inline int banenmatch_json_typeof(const json_t *json) { return (int)json_typeof(json); }
static inline int banenmatch_json_error_code(const json_error_t *error) { return (int)json_error_code(error); }

#endif
