package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store/storetest"
)

// The store's contract suite on a campaign file.
func TestStoreContract(t *testing.T) {
	storetest.Run(t, storetest.Adapter{
		New: func(t *testing.T, c dossier.Campaign, cats []dossier.Category) *Store {
			path := filepath.Join(t.TempDir(), "c.dossier")
			s, err := Create(context.Background(), path, CreateOptions{Title: c.Title, Organiser: c.Organiser, Year: c.Year,
				Date: c.Date, Quota: c.Quota, TrimMin: c.TrimMin, Categories: cats})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		},
		Reopen: func(t *testing.T, s *Store) *Store {
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s2, err := Open(context.Background(), s.Path())
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s2.Close() })
			return s2
		},
	})
}
