// A plain C face for CLD2, Google's Compact Language Detector 2 (Debian: libcld2-dev).
//
// CLD2's API is C++ (namespace CLD2, std::vector results); Swift sees only these
// functions, which take and return plain C types. Languages travel as CLD2's numeric
// `Language` values; ccld2_language_code turns one into CLD2's code ("en", "iw", "zh-Hant").
#ifndef PRECIS_CCLD2_H
#define PRECIS_CCLD2_H

#ifdef __cplusplus
extern "C" {
#endif

/// The value CLD2 gives for "no language found" (its UNKNOWN_LANGUAGE).
int ccld2_unknown_language(void);

/// CLD2's code for `language`, such as "en", "iw" or "zh-Hant"; "un" when out of range.
/// The string is static: never free it.
const char *ccld2_language_code(int language);

/// The number of values `Language` has; codes exist for 0 ..< this.
int ccld2_language_count(void);

/// CLD2's set of languages it finds hard to tell apart that `language` belongs to (such as
/// Croatian, Serbian and Bosnian, or Indonesian and Malay); 0 when it belongs to none.
int ccld2_close_set(int language);

/// Detects the language of `length` bytes of valid UTF-8 at `utf8`.
///
/// Writes CLD2's code of the most likely language (NUL-terminated, at most `capacity`
/// bytes) to `out_language`, the percentage of the text in it to `percent`, and whether CLD2
/// calls the answer reliable (0 or 1) to `reliable`. Returns the language's value.
int ccld2_detect(const char *utf8, int length, int is_plain_text, char *out_language,
                 int capacity, int *percent, int *reliable);

/// Detects the top three languages of `length` bytes of valid UTF-8 at `utf8`.
///
/// `languages`, `percents` and `scores` each hold 3 entries: language values (unknown when
/// fewer were found), the percentage of the text in each, and CLD2's normalised score (near
/// 1.0 for ordinary text in that language). `text_bytes` receives the number of letter bytes
/// CLD2 scored and `reliable` 0 or 1. When `chunk_capacity` > 0, up to that many chunks of
/// the text in one language are written as byte offset, byte length and language value.
/// Returns the number of chunks CLD2 found (which may exceed `chunk_capacity`).
int ccld2_detect_summary(const char *utf8, int length, int is_plain_text, int *languages,
                         int *percents, double *scores, int *text_bytes, int *reliable,
                         int *chunk_offsets, int *chunk_lengths, int *chunk_languages,
                         int chunk_capacity);

#ifdef __cplusplus
}
#endif

#endif
