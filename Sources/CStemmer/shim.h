// Stable names for the Snowball (libstemmer) C functions Precis calls.
//
// Debian's libstemmer-dev ships /usr/include/libstemmer.h and libstemmer.so without a
// pkg-config file. Wrapping the calls here keeps the Swift side independent of how a
// future version names or declares them.
#ifndef PRECIS_CSTEMMER_SHIM_H
#define PRECIS_CSTEMMER_SHIM_H

#include <libstemmer.h>

/// Opens the UTF-8 stemmer for a Snowball algorithm name ("english", "french" …), or NULL.
static inline struct sb_stemmer *cstem_new(const char *algorithm) {
  return sb_stemmer_new(algorithm, "UTF_8");
}
static inline void cstem_delete(struct sb_stemmer *stemmer) { sb_stemmer_delete(stemmer); }
/// Stems `size` bytes of UTF-8; the result is owned by the stemmer and valid until the next call.
static inline const unsigned char *cstem_stem(struct sb_stemmer *stemmer, const unsigned char *word,
                                              int size) {
  return sb_stemmer_stem(stemmer, word, size);
}
static inline int cstem_length(struct sb_stemmer *stemmer) { return sb_stemmer_length(stemmer); }
/// The NULL-terminated list of algorithm names.
static inline const char **cstem_list(void) { return sb_stemmer_list(); }

#endif
