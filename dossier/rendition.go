package dossier

// Rendition is a smaller copy of a photo's picture, made when the photo is
// imported, that documents embed in place of the stored picture: the
// picture at about 300 or 150 pixels an inch of the largest size the
// dossier prints photos at. It is derived data: the photo's own picture is
// kept as it was stored, and a rendition is never shown or compared as
// the unit's material.
type Rendition struct {
	Format string // "jpeg" or "png", as the photo's
	Width  int
	Height int
	Data   []byte
}
