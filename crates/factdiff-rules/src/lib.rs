//! factdiff-rules: under construction
