package ops

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dossier-app/dossier/assets"
	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/demo"
	"github.com/dossier-app/dossier/dossier/postgres"
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
	// Year is the campaign's year (评选年度); 0 for a campaign without one
	// (its 申报编号 then number as D-0001…).
	Year int
	// Server is how a campaign on a server is opened once made (a
	// postgres:// db); it is unused for a file.
	Server postgres.OpenOptions
}

// CreateCampaign makes a new campaign with the default categories (五大工程)
// and opens it: a file at db, or, for a postgres:// URL, in that server's
// empty database. An existing file or campaign is refused, never
// overwritten; the file appears whole or not at all.
func CreateCampaign(ctx context.Context, db string, c NewCampaign) (*store.Store, error) {
	cats, err := dossier.ParseCategories(assets.DefaultCategories)
	if err != nil {
		return nil, err
	}
	date := c.Date
	if date.IsZero() {
		date = time.Now()
	}
	if postgres.IsURL(db) {
		return postgres.Create(ctx, db, postgres.CreateOptions{
			Campaign: dossier.Campaign{Title: c.Title, Organiser: c.Organiser, Year: c.Year, Date: date.Format("2006-01-02"),
				TrimMin: dossier.DefaultTrimMin},
			Categories: cats, Open: c.Server,
		})
	}
	return sqlite.Create(ctx, db, sqlite.CreateOptions{
		Title: c.Title, Organiser: c.Organiser, Year: c.Year, Date: date.Format("2006-01-02"),
		TrimMin: dossier.DefaultTrimMin, Categories: cats,
	})
}

// CreateDemo makes the demo campaign (the seed's four units, sample
// evaluators and scores) at db, a file or a server (see CreateDemoOn), and
// opens it.
func CreateDemo(ctx context.Context, db string) (*store.Store, error) {
	return CreateDemoOn(ctx, db, postgres.OpenOptions{})
}

// CreateDemoOn is CreateDemo with the options a campaign on a server is
// opened with. On a server the demo is made as a file in a temporary
// folder, then copied, so that it is the same campaign, id for id.
func CreateDemoOn(ctx context.Context, db string, server postgres.OpenOptions) (*store.Store, error) {
	if !postgres.IsURL(db) {
		return demo.Create(ctx, db)
	}
	dir, err := os.MkdirTemp("", "dossier-demo-")
	if err != nil {
		return nil, dossier.DiskError(os.TempDir(), err)
	}
	defer os.RemoveAll(dir)
	f, err := demo.Create(ctx, filepath.Join(dir, "demo.dossier"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return postgres.Create(ctx, db, postgres.CreateOptions{Copy: f, Open: server})
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
