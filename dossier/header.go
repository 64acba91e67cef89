package dossier

import (
	"bytes"
	"encoding/binary"
)

// ApplicationID marks a SQLite file as a Dossier campaign ("DOSS"), at
// offset 68 of the SQLite header.
const ApplicationID = 0x444F5353

// HeaderSize is how many leading bytes IsCampaignHeader needs.
const HeaderSize = 72

// IsCampaignHeader reports whether the first bytes of a file are those of a
// campaign file: the SQLite header with Dossier's application id. It lives
// here, not in dossier/sqlite, so that document writers can refuse to write
// over a campaign without importing the store.
func IsCampaignHeader(b []byte) bool {
	return len(b) >= HeaderSize && bytes.HasPrefix(b, []byte("SQLite format 3\x00")) &&
		binary.BigEndian.Uint32(b[68:72]) == ApplicationID
}
