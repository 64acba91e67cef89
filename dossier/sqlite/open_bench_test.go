package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"math/rand"
	"os"
	"testing"
)

// BenchmarkOpenQuickCheck measures what Open adds to every opening (the
// quick_check that refuses writes to a damaged file) on a 1,000-unit
// campaign with 30 evaluators' scores and two 150 KB pictures per unit
// (about 300 MB, as a real campaign with photos is).
//
//	go test -run '^$' -bench OpenQuickCheck -benchtime 5x ./dossier/sqlite
func BenchmarkOpenQuickCheck(b *testing.B) {
	ctx := context.Background()
	path := largeCampaign(b, 1000, 30)
	s, err := open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewSource(1))
	blob := make([]byte, 150<<10)
	err = s.tx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id FROM unit`)
		if err != nil {
			return err
		}
		var ids []string
		for rows.Next() {
			var id string
			rows.Scan(&id)
			ids = append(ids, id)
		}
		rows.Close()
		for _, id := range ids {
			for p := 0; p < 2; p++ {
				rng.Read(blob)
				h := sha256.Sum256(blob)
				hash := hex.EncodeToString(h[:])
				if _, err := tx.ExecContext(ctx, `INSERT INTO image (hash, format, width, height, data) VALUES (?, 'jpeg', 800, 600, ?)`, hash, blob); err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO photo (id, unit_id, position, caption, image_hash) VALUES (?, ?, ?, '', ?)`, newID(), id, p, hash); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	st, _ := os.Stat(path)
	b.ReportMetric(float64(st.Size())/(1<<20), "MB")
	b.Run("quick_check", func(b *testing.B) {
		s, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if err := fileOf(s).quickCheck(ctx); err != nil || s.Damaged() {
				b.Fatal(err)
			}
		}
	})
	b.Run("open+close", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			s, err := Open(ctx, path)
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
}
