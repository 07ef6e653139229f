//! factdiff-claims: under construction
