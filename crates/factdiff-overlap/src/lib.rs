//! factdiff-overlap: under construction
