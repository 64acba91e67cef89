package xlsx

import (
	"strconv"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

// NumberError is dossier.NumberError: why a typed number was refused.
type NumberError = dossier.NumberError

// NumberErrorKind is dossier.NumberErrorKind.
type NumberErrorKind = dossier.NumberErrorKind

// Reasons a number is refused (dossier's, under the reader's old names).
const (
	NotANumber  = dossier.NumNotANumber
	Approximate = dossier.NumApproximate
	Range       = dossier.NumRange
	WrongUnit   = dossier.NumWrongUnit
	Percent     = dossier.NumPercent
	OutOfRange  = dossier.NumOutOfRange
	Empty       = dossier.NumEmpty
)

// maxNumber bounds the numbers accepted (dossier.MaxNumber).
const maxNumber = dossier.MaxNumber

// ParseNumber is dossier.ParseNumber, the domain rule for a number typed
// with its unit (27.6万, 6.66%, 1,200), which the 量化指标 sheet reads text
// cells with.
func ParseNumber(text string, unit string) (float64, error) {
	return dossier.ParseNumber(text, unit)
}

// percentOf converts a number cell formatted as a percentage (0.0666
// showing 6.66%) into the number of percent, in decimal: 6.66, not
// 6.659999….
func percentOf(v float64) float64 {
	p, err := strconv.ParseFloat(strconv.FormatFloat(v, 'f', -1, 64)+"e2", 64)
	if err != nil {
		return v * 100
	}
	return p
}

// clipText shortens user text quoted in a message.
func clipText(s string, n int) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r", " "), "\n", " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
