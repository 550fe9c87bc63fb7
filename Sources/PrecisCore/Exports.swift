// The ICU wrapper's Swift types (normal forms, ICU errors, the ICU version) are part of
// PrecisCore's API; CICU itself stays hidden behind PrecisICU's internal import.
@_exported import PrecisICU
