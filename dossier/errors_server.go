package dossier

// EUNREACHABLE: the database server holding a shared campaign cannot be
// reached (down, network cut, wrong address). What the user typed is kept
// and written again when the connection returns.
const EUNREACHABLE = "unreachable"
