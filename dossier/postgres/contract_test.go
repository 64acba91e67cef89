package postgres

import (
	"context"
	"sync"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/dossier/store/storetest"
	"github.com/dossier-app/dossier/internal/pgtest"
)

// The store's contract suite on a PostgreSQL database.
func TestStoreContract(t *testing.T) {
	var urls sync.Map // *store.Store → its URL
	storetest.Run(t, storetest.Adapter{
		New: func(t *testing.T, c dossier.Campaign, cats []dossier.Category) *store.Store {
			url := pgtest.Database(t)
			s, err := Create(context.Background(), url, CreateOptions{Campaign: c, Categories: cats})
			if err != nil {
				t.Fatal(err)
			}
			urls.Store(s, url)
			t.Cleanup(func() { s.Close() })
			return s
		},
		Reopen: func(t *testing.T, s *store.Store) *store.Store {
			url, _ := urls.Load(s)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s2, err := Open(context.Background(), url.(string))
			if err != nil {
				t.Fatal(err)
			}
			urls.Store(s2, url)
			t.Cleanup(func() { s2.Close() })
			return s2
		},
	})
}
