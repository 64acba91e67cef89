// Package pdf typesets the campaign's printed documents as PDF: the ranked
// dossier (评审材料汇编), the public-notice list (公示名单) and one unit's
// material, set as Chinese official documents after GB/T 9704-2012 (A4, a
// 156 × 225 mm text block, body text in a Song face on a 28 × 22 grid,
// titles in bold 黑体, page numbers “— 7 —” on the outer side).
//
// Every line is filled by package typeset and placed by this package; the
// PDF library (go-pdf/fpdf) only prints what it is given. The same book and
// ranking always give the same bytes: dates come from the campaign, the
// catalogue is sorted, nothing depends on the clock or on map order.
package pdf

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dossier-app/dossier/dossier"
)

// Options tune how a document is made.
type Options struct {
	// Progress, if set, is called with (done, total) units as the document
	// is made, for a progress bar: (0, total) first, (total, total) last
	// (total is 0 for the notice, which sets no unit's material). It is
	// called from the goroutine that called the Write function. May be nil.
	Progress func(done, total int)
	// PPI is the resolution photos are embedded at, in pixels per inch of
	// their printed size: PrintPPI (the default, for 0) or ScreenPPI.
	// Larger pictures are scaled down; the campaign keeps its originals.
	PPI int
	// Photos, if set, gives the photos' image data while the document is
	// written, one at a time; the book's photos then need no Data.
	Photos PhotoSource
	// LogHead is the head of the campaign's score log (64 hex digits, from
	// store.Store.Scoring). When set, the rule page states the rule's
	// fingerprint and this head, and every page's footer carries their
	// first 16 digits in small print, so a paper copy can be matched to
	// the file; "" prints neither.
	LogHead string
	// Flags are the campaign's 复核 flags (dossier.ReviewFlags); when not
	// nil, the rule page lists those not yet reviewed, or says all were.
	Flags []dossier.Flag
	// Stability, when not nil, is every unit's dossier.Stabilities for the
	// same ranking: the dossier then ends with appendices on rank stability
	// and the normalised view (for information). With Flags set, an
	// appendix lists every flag with its resolution.
	Stability map[string]*dossier.Stability
	// WithScores puts the score box (评分情况: every evaluator's name and
	// scores, the arithmetic) into the single-unit PDF. It is off by
	// default, as that PDF goes back to the unit; the dossier, which stays
	// with the committee, always has it.
	WithScores bool
}

// Report tells what was made.
type Report struct {
	// Pages is the number of pages of the document.
	Pages int
	// Warnings has one Chinese line per character the fonts lack (printed
	// as □) and per picture that could not be embedded, e.g.
	// 郑州市教育局 事迹材料：字符“𠮷”(U+20BB7) 字体中没有，已以□代替.
	Warnings []string
	// Images is the number of pictures embedded (the same picture placed
	// twice counts once), ImageBytes the size of their image data.
	Images     int
	ImageBytes int64
}

// ErrNoUnit reports that WriteUnit was asked for a unit the book lacks.
var ErrNoUnit = errors.New("pdf: no such unit")

// WriteDossier writes the ranked dossier (评审材料汇编): cover, scoring rule,
// ranking table with the cut line, table of contents, then every unit's
// material in rank order with its score explained; units with no rank
// (no valid score, withdrawn) come last, marked as such. A nil ranking is
// computed from the book.
func WriteDossier(w io.Writer, b *dossier.Book, r *dossier.Ranking, opt Options) (*Report, error) {
	d, err := newDoc(b, r, opt)
	if err != nil {
		return nil, err
	}
	d.withAppendices = true
	d.front()
	units := make([]int, len(d.r.Standings))
	for i := range units {
		units[i] = i
	}
	return d.write(w, units, meta{
		title:    d.plain(b.Campaign.Title + " 评审材料汇编"),
		subject:  d.plain("评审材料汇编：评分规则、排名表、申报单位事迹材料与评分说明"),
		keywords: d.plain(strings.Join([]string{b.Campaign.Title, "先进单位", "评审材料汇编", yearText(b)}, " ")),
	})
}

// WriteNotice writes the public-notice list (公示名单): the units on the
// list (dossier.Standing.Listed) in rank order with code, name, region and
// score, the campaign title, the date and the line for objections.
func WriteNotice(w io.Writer, b *dossier.Book, r *dossier.Ranking, opt Options) (*Report, error) {
	d, err := newDoc(b, r, opt)
	if err != nil {
		return nil, err
	}
	d.notice()
	return d.write(w, nil, meta{
		title:    d.plain(b.Campaign.Title + " 拟推荐单位名单公示"),
		subject:  d.plain("公示名单"),
		keywords: d.plain(strings.Join([]string{b.Campaign.Title, "先进单位", "公示", yearText(b)}, " ")),
	})
}

// WriteUnit writes one unit's material, as in the dossier, for printing and
// sending back to the unit. unitID is the unit's ID (or, failing that, its
// 申报编号).
func WriteUnit(w io.Writer, b *dossier.Book, r *dossier.Ranking, unitID string, opt Options) (*Report, error) {
	d, err := newDoc(b, r, opt)
	if err != nil {
		return nil, err
	}
	idx := d.find(unitID)
	if idx < 0 {
		return nil, fmt.Errorf("%w: %q", ErrNoUnit, unitID)
	}
	name := d.r.Standings[idx].Unit.Name
	d.noScores = !opt.WithScores
	return d.write(w, []int{idx}, meta{
		title:    d.plain(name + " 事迹材料"),
		subject:  d.plain(b.Campaign.Title),
		keywords: d.plain(strings.Join([]string{b.Campaign.Title, name, "事迹材料", yearText(b)}, " ")),
	})
}

// front lays out the front matter of the dossier: cover, scoring rule,
// ranking table and table of contents; the units follow in write.
func (d *doc) front() {
	d.cover()
	d.rules()
	d.rankingTable()
	d.contents()
}

// find returns the index of the standing of the unit with the given ID or,
// failing that, 申报编号; -1 if there is none.
func (d *doc) find(unitID string) int {
	idx := -1
	for i, s := range d.r.Standings {
		if s.Unit != nil && s.Unit.ID == unitID {
			idx = i
			break
		}
	}
	if idx < 0 {
		for i, s := range d.r.Standings {
			if s.Unit != nil && s.Unit.Code == unitID {
				idx = i
				break
			}
		}
	}
	return idx
}

func yearText(b *dossier.Book) string {
	if b.Campaign.Year > 0 {
		return fmt.Sprintf("%d年", b.Campaign.Year)
	}
	return ""
}

// plain makes s safe for the document information dictionary and outline:
// valid UTF-8 in the Basic Multilingual Plane, on one line.
func (d *doc) plain(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError, r > 0xFFFF:
			return '□'
		case r < ' ' || r == 0x7F:
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	return strings.Join(strings.Fields(s), " ")
}
