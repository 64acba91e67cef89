package dossier

import (
	"strconv"
	"strings"
)

// codePattern is a 申报编号 split into its text and its trailing number:
// HN2022-007 is "HN2022-", 7, written with 3 digits.
type codePattern struct {
	prefix string
	width  int
}

// splitCode separates a code's trailing digits from what comes before.
func splitCode(code string) (codePattern, int, bool) {
	i := len(code)
	for i > 0 && code[i-1] >= '0' && code[i-1] <= '9' {
		i--
	}
	digits := code[i:]
	if digits == "" || len(digits) > 9 {
		return codePattern{}, 0, false
	}
	n, err := strconv.Atoi(digits)
	if err != nil {
		return codePattern{}, 0, false
	}
	return codePattern{code[:i], len(digits)}, n, true
}

// NextCode suggests the 申报编号 for a new unit, the same in the app and in
// an import: the lowest free number in the campaign's own numbering, from
// the lowest number that numbering has used, so a gap left by codes typed
// by hand is filled (beside 2022-0001 and 2022-0003 it is 2022-0002) and a
// numbering that starts at 98 does not go back to 1. The pattern is the one
// most of the existing codes follow (text before a trailing number, and
// the number's width), so beside HN2022-001 and HN2022-002 it is HN2022-003
// and beside T-01 it is T-02; among equally common patterns the one of the
// highest-numbered code wins, then the first in sort order. With no
// numbered code it is YYYY-0001 for the campaign's year (D-0001 without a
// year: the suggestion depends on the campaign only, never on the clock).
// The result is never in codes, compared without regard to case, as the
// campaign file compares them.
func NextCode(codes []string, year int) string {
	taken := make(map[string]bool, len(codes))
	count := map[codePattern]int{}
	top := map[codePattern]int{}
	low := map[codePattern]int{}
	for _, c := range codes {
		c = NormCode(c)
		taken[strings.ToUpper(c)] = true // codes clash without regard to case
		p, n, ok := splitCode(c)
		if !ok {
			continue
		}
		count[p]++
		if n > top[p] {
			top[p] = n
		}
		if l, seen := low[p]; !seen || n < l {
			low[p] = n
		}
	}
	best, found := codePattern{}, false
	for p, k := range count {
		switch {
		case !found, k > count[best],
			k == count[best] && top[p] > top[best],
			k == count[best] && top[p] == top[best] && p.prefix < best.prefix:
			best, found = p, true
		}
	}
	if !found {
		prefix := "D-"
		if year > 0 {
			prefix = strconv.Itoa(year) + "-"
		}
		best = codePattern{prefix, 4}
	}
	for n := max(1, low[best]); ; n++ {
		digits := strconv.Itoa(n)
		if len(digits) < best.width {
			digits = strings.Repeat("0", best.width-len(digits)) + digits
		}
		if code := best.prefix + digits; !taken[strings.ToUpper(code)] {
			return code
		}
	}
}
