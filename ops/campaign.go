package ops

import (
	"context"
	"strings"
	"time"

	"github.com/dossier-app/dossier/assets"
	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/demo"
	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/dossier/store"
)

// NewCampaign describes a campaign to create.
type NewCampaign struct {
	// Title is the campaign's name; a blank one is refused.
	Title     string
	Organiser string
	// Date is the campaign's date (printed on its documents, also their
	// creation date). The zero time is today.
	Date time.Time
	// Year is the campaign's year (评选年度); 0 is the date's year.
	Year int
}

// CreateCampaign makes a new campaign file at path with the default
// categories (五大工程) and opens it. An existing file is refused, never
// overwritten; the file appears whole or not at all.
func CreateCampaign(ctx context.Context, path string, c NewCampaign) (*store.Store, error) {
	cats, err := dossier.ParseCategories(assets.DefaultCategories)
	if err != nil {
		return nil, err
	}
	date := c.Date
	if date.IsZero() {
		date = time.Now()
	}
	year := c.Year
	if year == 0 {
		year = date.Year()
	}
	return sqlite.Create(ctx, path, sqlite.CreateOptions{
		Title: c.Title, Organiser: c.Organiser, Year: year, Date: date.Format("2006-01-02"),
		TrimMin: dossier.DefaultTrimMin, Categories: cats,
	})
}

// CreateDemo makes the demo campaign (the seed's four units, sample
// evaluators and scores) at path and opens it.
func CreateDemo(ctx context.Context, path string) (*store.Store, error) {
	return demo.Create(ctx, path)
}

// SafeFileName makes a title usable as a file name on every system:
// separators and characters Windows refuses become "-", and it is at most
// 60 characters; a blank title gives 评选活动.
func SafeFileName(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Map(func(r rune) rune {
		switch r {
		case '/', '\\', ':', '*', '?', '"', '<', '>', '|', '\n', '\r', '\t':
			return '-'
		}
		return r
	}, s)
	if s == "" {
		return "评选活动"
	}
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60])
	}
	return s
}
