package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-app/dossier/dossier"
)

// largeCampaign writes units × evaluators × categories scores straight into
// a new file (the fixture, not what is measured).
func largeCampaign(b *testing.B, units, evaluators int) string {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "large.dossier")
	s, err := Create(ctx, path, CreateOptions{Title: "大规模测试", Year: 2022, Quota: 100, Categories: defaultCategories(b)})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	book, _ := s.Book(ctx, LoadOptions{})
	s.Close()
	f, err := open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rng := rand.New(rand.NewSource(1))
	regions := []string{"郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "鹤壁市", "新乡市", "焦作市", "濮阳市", "许昌市"}
	// Straight into the tables, past the score log; the log is then
	// started over, so its genesis record holds every score.
	err = f.tx(ctx, func(tx *sql.Tx) error {
		at := time.Now().UTC().Format(time.RFC3339Nano)
		for i := 0; i < units; i++ {
			u := dossier.Unit{ID: newID(), Code: fmt.Sprintf("U%05d", i), Name: fmt.Sprintf("单位%05d", i), Region: regions[i%len(regions)], Status: dossier.StatusAccepted, Revision: 1}
			if _, err := tx.ExecContext(ctx, `INSERT INTO unit (id, code, name, region, kind, recommender, contact, phone, title, summary, status, revision, version, created_at, updated_at)
				VALUES (?, ?, ?, ?, '', '', '', '', '', '', ?, 1, 1, ?, ?)`, u.ID, u.Code, u.Name, u.Region, string(u.Status), at, at); err != nil {
				return err
			}
			book.Units = append(book.Units, u)
		}
		for j := 0; j < evaluators; j++ {
			e := dossier.Evaluator{ID: newID(), Name: fmt.Sprintf("评委%02d", j)}
			if j%10 == 0 {
				e.Region = regions[j%len(regions)]
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO evaluator (id, name, affiliation, region, role, position) VALUES (?, ?, '', ?, '', ?)`, e.ID, e.Name, e.Region, j); err != nil {
				return err
			}
			book.Evaluators = append(book.Evaluators, e)
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO score (evaluator_id, unit_id, category_id, tenths) VALUES (?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, u := range book.Units {
			for _, e := range book.Evaluators {
				for _, c := range book.Categories {
					if _, err := stmt.ExecContext(ctx, e.ID, u.ID, c.ID, 120+rng.Intn(80)); err != nil {
						return err
					}
				}
			}
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM score_log; UPDATE scoring SET state = 'draft', fingerprint = '', head_seq = 0, head = ''`)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	// Opening writes the genesis record.
	s, err = Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkRankFromFile loads 1,000 units × 30 evaluators × 5 categories
// from an open campaign file and ranks them (goal ≤ 300 ms).
func BenchmarkRankFromFile(b *testing.B) {
	path := largeCampaign(b, 1000, 30)
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, r, err := s.Rank(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Standings) != 1000 || r.Standings[0].Rank != 1 {
			b.Fatal("bad ranking")
		}
	}
}

// BenchmarkInsertUnits imports 1,000 units with full material: five
// ~600-character sections, 20 indicator values and two ~100 KB photos each,
// one transaction per unit as an import does.
func BenchmarkInsertUnits(b *testing.B) {
	ctx := context.Background()
	para := strings.Repeat("郑州市深入实施五大工程，新增学位27.6万个，大班额比例降至6.66%。", 14)[:0]
	for len([]rune(para)) < 600 {
		para += "郑州市深入实施五大工程，新增学位27.6万个，大班额比例降至6.66%。"
	}
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), fmt.Sprintf("ins%d.dossier", i))
		s, err := Create(ctx, path, CreateOptions{Title: "插入测试", Categories: defaultCategories(b)})
		if err != nil {
			b.Fatal(err)
		}
		book, _ := s.Book(ctx, LoadOptions{})
		var inds []string
		for _, c := range book.Categories {
			for _, in := range c.Indicators {
				inds = append(inds, in.ID)
			}
		}
		subs := make([]dossier.Submission, 1000)
		for k := range subs {
			u := dossier.Unit{Code: fmt.Sprintf("U%05d", k), Name: fmt.Sprintf("单位%05d", k), Title: "事迹标题", Summary: para}
			for _, c := range book.Categories {
				u.Achievements = append(u.Achievements, dossier.Achievement{CategoryID: c.ID, Heading: "标题", Body: para})
			}
			for j := 0; j < 20 && j < len(inds); j++ {
				u.Values = append(u.Values, dossier.IndicatorValue{IndicatorID: inds[j], Value: float64(j)})
			}
			for p := 0; p < 2; p++ {
				data := make([]byte, 100<<10)
				rng.Read(data)
				u.Photos = append(u.Photos, dossier.Photo{Format: "jpeg", Width: 800, Height: 600, Data: data, Caption: "图片说明"})
			}
			subs[k] = dossier.Submission{File: fmt.Sprintf("%d.xlsx", k), Unit: u}
		}
		b.StartTimer()
		for k := range subs {
			items, err := s.Import(ctx, subs[k:k+1], false)
			if err != nil || items[0].Action != dossier.ImportNew {
				b.Fatalf("import %d: %v %+v", k, err, items[0].Problems)
			}
		}
		b.StopTimer()
		s.Close()
	}
}
