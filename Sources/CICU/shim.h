// Stable names for the ICU C functions Precis calls.
//
// ICU renames its entry points by version (ubrk_open becomes ubrk_open_72), and
// the renaming macros are invisible to Swift, so every function used from Swift is
// wrapped here in a static inline function with a version-free name.
#ifndef PRECIS_CICU_SHIM_H
#define PRECIS_CICU_SHIM_H

#include <unicode/utypes.h>
#include <unicode/uversion.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/ubrk.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/uscript.h>
#include <unicode/uchar.h>
#include <unicode/uregex.h>
#include <unicode/uset.h>

static inline const char *cicu_u_errorName(UErrorCode code) { return u_errorName(code); }

static inline void cicu_u_getVersion(uint8_t *info) { u_getVersion(info); }

// MARK: strings

static inline UChar *cicu_u_strFromUTF8(UChar *dest, int32_t destCapacity, int32_t *destLength,
                                        const char *src, int32_t srcLength, UErrorCode *status) {
  return u_strFromUTF8(dest, destCapacity, destLength, src, srcLength, status);
}

// Faster than u_strFromUTF8 for text known to be valid UTF-8 (it checks nothing);
// destCapacity must be at least srcLength.
static inline UChar *cicu_u_strFromUTF8Lenient(UChar *dest, int32_t destCapacity,
                                               int32_t *destLength, const char *src,
                                               int32_t srcLength, UErrorCode *status) {
  return u_strFromUTF8Lenient(dest, destCapacity, destLength, src, srcLength, status);
}

static inline char *cicu_u_strToUTF8(char *dest, int32_t destCapacity, int32_t *destLength,
                                     const UChar *src, int32_t srcLength, UErrorCode *status) {
  return u_strToUTF8(dest, destCapacity, destLength, src, srcLength, status);
}

// MARK: normalisation

static inline const UNormalizer2 *cicu_unorm2_getNFCInstance(UErrorCode *status) {
  return unorm2_getNFCInstance(status);
}
static inline const UNormalizer2 *cicu_unorm2_getNFKCInstance(UErrorCode *status) {
  return unorm2_getNFKCInstance(status);
}
static inline const UNormalizer2 *cicu_unorm2_getNFKCCasefoldInstance(UErrorCode *status) {
  return unorm2_getNFKCCasefoldInstance(status);
}
static inline int32_t cicu_unorm2_normalize(const UNormalizer2 *norm, const UChar *src,
                                            int32_t length, UChar *dest, int32_t capacity,
                                            UErrorCode *status) {
  return unorm2_normalize(norm, src, length, dest, capacity, status);
}
static inline int32_t cicu_unorm2_spanQuickCheckYes(const UNormalizer2 *norm, const UChar *s,
                                                    int32_t length, UErrorCode *status) {
  return unorm2_spanQuickCheckYes(norm, s, length, status);
}
static inline UBool cicu_unorm2_isNormalized(const UNormalizer2 *norm, const UChar *s,
                                             int32_t length, UErrorCode *status) {
  return unorm2_isNormalized(norm, s, length, status);
}
static inline UBool cicu_unorm2_hasBoundaryBefore(const UNormalizer2 *norm, UChar32 c) {
  return unorm2_hasBoundaryBefore(norm, c);
}
static inline uint8_t cicu_unorm2_getCombiningClass(const UNormalizer2 *norm, UChar32 c) {
  return unorm2_getCombiningClass(norm, c);
}
static inline int cicu_unorm2_quickCheck(const UNormalizer2 *norm, const UChar *s, int32_t length,
                                         UErrorCode *status) {
  return (int)unorm2_quickCheck(norm, s, length, status);
}
static inline UChar32 cicu_unorm2_composePair(const UNormalizer2 *norm, UChar32 a, UChar32 b) {
  return unorm2_composePair(norm, a, b);
}

// MARK: break iteration

static inline UBreakIterator *cicu_ubrk_open(UBreakIteratorType type, const char *locale,
                                             const UChar *text, int32_t textLength,
                                             UErrorCode *status) {
  return ubrk_open(type, locale, text, textLength, status);
}
static inline void cicu_ubrk_close(UBreakIterator *bi) { ubrk_close(bi); }
static inline void cicu_ubrk_setText(UBreakIterator *bi, const UChar *text, int32_t textLength,
                                     UErrorCode *status) {
  ubrk_setText(bi, text, textLength, status);
}
static inline int32_t cicu_ubrk_first(UBreakIterator *bi) { return ubrk_first(bi); }
static inline int32_t cicu_ubrk_next(UBreakIterator *bi) { return ubrk_next(bi); }
static inline int32_t cicu_ubrk_getRuleStatus(UBreakIterator *bi) { return ubrk_getRuleStatus(bi); }
static inline const char *cicu_ubrk_getLocaleByType(const UBreakIterator *bi, ULocDataLocaleType type,
                                                    UErrorCode *status) {
  return ubrk_getLocaleByType(bi, type, status);
}

// MARK: character properties

static inline int32_t cicu_u_getIntPropertyValue(UChar32 c, UProperty which) {
  return u_getIntPropertyValue(c, which);
}

// MARK: sets of characters

static inline USet *cicu_uset_openPattern(const UChar *pattern, int32_t length, UErrorCode *status) {
  return uset_openPattern(pattern, length, status);
}
static inline void cicu_uset_close(USet *set) { uset_close(set); }
static inline int32_t cicu_uset_getRangeCount(const USet *set) { return uset_getRangeCount(set); }
static inline int32_t cicu_uset_getItem(const USet *set, int32_t index, UChar32 *start, UChar32 *end,
                                        UChar *str, int32_t capacity, UErrorCode *status) {
  return uset_getItem(set, index, start, end, str, capacity, status);
}

// MARK: charset detection and conversion

static inline UCharsetDetector *cicu_ucsdet_open(UErrorCode *status) { return ucsdet_open(status); }
static inline void cicu_ucsdet_close(UCharsetDetector *d) { ucsdet_close(d); }
static inline void cicu_ucsdet_setText(UCharsetDetector *d, const char *text, int32_t len,
                                       UErrorCode *status) {
  ucsdet_setText(d, text, len, status);
}
static inline const UCharsetMatch **cicu_ucsdet_detectAll(UCharsetDetector *d, int32_t *found,
                                                          UErrorCode *status) {
  return ucsdet_detectAll(d, found, status);
}
static inline const char *cicu_ucsdet_getName(const UCharsetMatch *m, UErrorCode *status) {
  return ucsdet_getName(m, status);
}
static inline int32_t cicu_ucsdet_getConfidence(const UCharsetMatch *m, UErrorCode *status) {
  return ucsdet_getConfidence(m, status);
}

static inline UConverter *cicu_ucnv_open(const char *name, UErrorCode *status) {
  return ucnv_open(name, status);
}
static inline void cicu_ucnv_close(UConverter *c) { ucnv_close(c); }
static inline const char *cicu_ucnv_getName(const UConverter *c, UErrorCode *status) {
  return ucnv_getName(c, status);
}
static inline const char *cicu_ucnv_getCanonicalName(const char *alias, const char *standard,
                                                     UErrorCode *status) {
  return ucnv_getCanonicalName(alias, standard, status);
}
/// Makes the converter stop at the first byte sequence it cannot map, in both directions.
static inline void cicu_ucnv_setStopOnError(UConverter *c, UErrorCode *status) {
  ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, status);
  ucnv_setFromUCallBack(c, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, status);
}
static inline void cicu_ucnv_toUnicode(UConverter *c, UChar **target, const UChar *targetLimit,
                                       const char **source, const char *sourceLimit,
                                       UBool flush, UErrorCode *status) {
  ucnv_toUnicode(c, target, targetLimit, source, sourceLimit, NULL, flush, status);
}
static inline void cicu_ucnv_fromUnicode(UConverter *c, char **target, const char *targetLimit,
                                         const UChar **source, const UChar *sourceLimit,
                                         UBool flush, UErrorCode *status) {
  ucnv_fromUnicode(c, target, targetLimit, source, sourceLimit, NULL, flush, status);
}
static inline void cicu_ucnv_getInvalidChars(const UConverter *c, char *errBytes, int8_t *len,
                                             UErrorCode *status) {
  ucnv_getInvalidChars(c, errBytes, len, status);
}

// MARK: character properties

static inline UScriptCode cicu_uscript_getScript(UChar32 c, UErrorCode *status) {
  return uscript_getScript(c, status);
}
static inline const char *cicu_uscript_getShortName(UScriptCode script) {
  return uscript_getShortName(script);
}

// MARK: regular expressions

static inline URegularExpression *cicu_uregex_open(const UChar *pattern, int32_t length,
                                                   uint32_t flags, UParseError *pe,
                                                   UErrorCode *status) {
  return uregex_open(pattern, length, flags, pe, status);
}
static inline void cicu_uregex_close(URegularExpression *re) { uregex_close(re); }
static inline URegularExpression *cicu_uregex_clone(const URegularExpression *re,
                                                    UErrorCode *status) {
  return uregex_clone(re, status);
}
static inline void cicu_uregex_setText(URegularExpression *re, const UChar *text, int32_t length,
                                       UErrorCode *status) {
  uregex_setText(re, text, length, status);
}
static inline void cicu_uregex_setRegion(URegularExpression *re, int32_t start, int32_t limit,
                                         UErrorCode *status) {
  uregex_setRegion(re, start, limit, status);
}
static inline void cicu_uregex_useTransparentBounds(URegularExpression *re, UBool b,
                                                    UErrorCode *status) {
  uregex_useTransparentBounds(re, b, status);
}
static inline void cicu_uregex_useAnchoringBounds(URegularExpression *re, UBool b,
                                                  UErrorCode *status) {
  uregex_useAnchoringBounds(re, b, status);
}
static inline UBool cicu_uregex_lookingAt(URegularExpression *re, int32_t start, UErrorCode *status) {
  return uregex_lookingAt(re, start, status);
}
static inline UBool cicu_uregex_findNext(URegularExpression *re, UErrorCode *status) {
  return uregex_findNext(re, status);
}
static inline int32_t cicu_uregex_start(URegularExpression *re, int32_t group, UErrorCode *status) {
  return uregex_start(re, group, status);
}
static inline int32_t cicu_uregex_end(URegularExpression *re, int32_t group, UErrorCode *status) {
  return uregex_end(re, group, status);
}
static inline void cicu_uregex_setTimeLimit(URegularExpression *re, int32_t limit,
                                            UErrorCode *status) {
  uregex_setTimeLimit(re, limit, status);
}

static inline UBool cicu_uregex_find(URegularExpression *re, int32_t start, UErrorCode *status) {
  return uregex_find(re, start, status);
}
static inline UBool cicu_uregex_matches(URegularExpression *re, int32_t start, UErrorCode *status) {
  return uregex_matches(re, start, status);
}
static inline void cicu_uregex_setStackLimit(URegularExpression *re, int32_t limit,
                                             UErrorCode *status) {
  uregex_setStackLimit(re, limit, status);
}

#endif
