// The C functions of ccld2.h, each a thin call into CLD2's C++ API.
#include "ccld2.h"

// CLD2's header uses FILE without including <cstdio>.
#include <cstdio>
#include <cstring>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

int ccld2_unknown_language(void) { return CLD2::UNKNOWN_LANGUAGE; }

int ccld2_language_count(void) { return CLD2::NUM_LANGUAGES; }

const char *ccld2_language_code(int language) {
  if (language < 0 || language >= CLD2::NUM_LANGUAGES) return "un";
  return CLD2::LanguageCode(static_cast<CLD2::Language>(language));
}

int ccld2_close_set(int language) {
  if (language < 0 || language >= CLD2::NUM_LANGUAGES) return 0;
  return CLD2::LanguageCloseSet(static_cast<CLD2::Language>(language));
}

int ccld2_detect(const char *utf8, int length, int is_plain_text, char *out_language,
                 int capacity, int *percent, int *reliable) {
  int languages[3];
  int percents[3];
  double scores[3];
  int text_bytes = 0;
  int is_reliable = 0;
  ccld2_detect_summary(utf8, length, is_plain_text, languages, percents, scores, &text_bytes,
                       &is_reliable, nullptr, nullptr, nullptr, 0);
  if (out_language != nullptr && capacity > 0) {
    std::strncpy(out_language, ccld2_language_code(languages[0]), capacity - 1);
    out_language[capacity - 1] = '\0';
  }
  if (percent != nullptr) *percent = percents[0];
  if (reliable != nullptr) *reliable = is_reliable;
  return languages[0];
}

int ccld2_detect_summary(const char *utf8, int length, int is_plain_text, int *languages,
                         int *percents, double *scores, int *text_bytes, int *reliable,
                         int *chunk_offsets, int *chunk_lengths, int *chunk_languages,
                         int chunk_capacity) {
  CLD2::Language language3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                                 CLD2::UNKNOWN_LANGUAGE};
  int percent3[3] = {0, 0, 0};
  double score3[3] = {0, 0, 0};
  int bytes = 0;
  bool is_reliable = false;
  // Hints: none. The input is plain text we have already validated as UTF-8.
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::ResultChunkVector chunks;
  const bool want_chunks = chunk_capacity > 0;
  CLD2::ExtDetectLanguageSummary(utf8, length, is_plain_text != 0, &hints, 0, language3,
                                 percent3, score3, want_chunks ? &chunks : nullptr, &bytes,
                                 &is_reliable);
  for (int i = 0; i < 3; i++) {
    if (languages != nullptr) languages[i] = language3[i];
    if (percents != nullptr) percents[i] = percent3[i];
    if (scores != nullptr) scores[i] = score3[i];
  }
  if (text_bytes != nullptr) *text_bytes = bytes;
  if (reliable != nullptr) *reliable = is_reliable ? 1 : 0;
  if (!want_chunks) return 0;
  const int found = static_cast<int>(chunks.size());
  for (int i = 0; i < found && i < chunk_capacity; i++) {
    chunk_offsets[i] = chunks[i].offset;
    chunk_lengths[i] = chunks[i].bytes;
    chunk_languages[i] = chunks[i].lang1;
  }
  return found;
}
