//! The file `masterplan monitoring new YEAR` writes (filled in below).
