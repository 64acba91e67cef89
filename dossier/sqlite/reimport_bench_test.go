package sqlite

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// BenchmarkReimportUnchanged measures a re-import of 300 units whose
// workbooks equal the stored units (full material, 2 × 100 KB photos each):
// the plan and the in-transaction comparison, and no write.
func BenchmarkReimportUnchanged(b *testing.B) {
	ctx := context.Background()
	para := ""
	for len([]rune(para)) < 600 {
		para += "郑州市深入实施五大工程，新增学位27.6万个，大班额比例降至6.66%。"
	}
	rng := rand.New(rand.NewSource(3))
	s, err := Create(ctx, filepath.Join(b.TempDir(), "re.dossier"), CreateOptions{Title: "重新导入测试", Categories: defaultCategories(b)})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	book, _ := s.Book(ctx, LoadOptions{})
	subs := make([]dossier.Submission, 300)
	for k := range subs {
		u := dossier.Unit{Code: fmt.Sprintf("U%05d", k), Name: fmt.Sprintf("单位%05d", k), Title: "事迹标题", Summary: para}
		for _, c := range book.Categories {
			u.Achievements = append(u.Achievements, dossier.Achievement{CategoryID: c.ID, Heading: "标题", Body: para})
			u.Values = append(u.Values, dossier.IndicatorValue{IndicatorID: c.Indicators[0].ID, Value: 27.6})
		}
		for p := 0; p < 2; p++ {
			data := make([]byte, 100<<10)
			rng.Read(data)
			u.Photos = append(u.Photos, dossier.Photo{Format: "jpeg", Width: 800, Height: 600, Data: data, Caption: "图片说明"})
		}
		subs[k] = dossier.Submission{File: fmt.Sprintf("%d.xlsx", k), Unit: u}
	}
	if _, err := s.Import(ctx, subs, false); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		items, err := s.Import(ctx, subs, false)
		if err != nil {
			b.Fatal(err)
		}
		for _, it := range items {
			if !it.Unchanged {
				b.Fatalf("%s: %s", it.File, strings.Join(it.Changes, "；"))
			}
		}
	}
}
